import { closestMatch } from '../../text/closest.js';
import { REFERENCE_FIELDS, referencesOf } from '../../graph/network.js';
import type { Element, ElementKind } from '../../model/topology.js';
import { KIND_NAMES, KIND_TITLES } from '../../model/topology.js';
import { diagnose, updateElement, type Rule } from '../rule.js';


/** What each reference means, to say it in a sentence. */
const MEANING: Record<string, string> = {
  'cluster.site': 'is in site',
  'collector.cluster': 'runs in cluster',
  'collector.controlPlane': 'is managed by control plane',
  'backend.site': 'is in site',
  'controlPlane.site': 'is in site',
  'link.from': 'starts at site',
  'link.to': 'ends at site',
  'flow.from': 'sends from',
  'flow.to': 'sends to',
};

/** The id of the right kind closest to a mistyped one, when it is close enough to be a typo. */
function closestId(elements: readonly Element[], id: string, kinds: readonly ElementKind[]): string | undefined {
  return closestMatch(id, elements.filter((element) => kinds.includes(element.kind) && element.id !== id).map((element) => element.id));
}

const NONE: never[] = [];

function kindList(kinds: readonly ElementKind[]): string {
  const names = kinds.map((kind) => `a ${KIND_NAMES[kind]}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]!;
}

export const danglingReference: Rule = {
  id: 'dangling-reference',
  description: 'An element refers to an id that does not exist, or to an element of the wrong kind.',
  severity: 'error',
  check({ topology, index }) {
    const broken = (element: Element) =>
      REFERENCE_FIELDS[element.kind].some((reference) => {
        const id = (element as unknown as Record<string, unknown>)[reference.field];
        if (typeof id !== 'string') return false;
        const target = index.byId.get(id);
        return !target || !reference.kinds.includes(target.kind);
      });
    // Most elements are fine: describe only the ones that are not.
    return topology.elements.flatMap((element, position) =>
      !broken(element) ? NONE : referencesOf(element).flatMap((reference) => {
        const target = index.byId.get(reference.id);
        if (target && reference.kinds.includes(target.kind)) return NONE;
        const owner = `${KIND_TITLES[element.kind]} '${element.id}'`;
        const says = `${owner} ${MEANING[`${element.kind}.${reference.field}`] ?? `refers (${reference.field}) to`} '${reference.id}'`;
        const problem = target
          ? `${says}, which is ${kindList([target.kind])}: \`${reference.field}\` must name ${kindList(reference.kinds)}.`
          : `${says}, which does not exist.`;
        const suggestion = closestId(topology.elements, reference.id, reference.kinds);
        const advice = suggestion
          ? ` Did you mean '${suggestion}'?`
          : ` Point \`${reference.field}\` at ${kindList(reference.kinds)} of the topology${target ? '' : `, or add '${reference.id}'`}.`;
        return [
          diagnose(danglingReference, topology, target ? [element.id, target.id] : [element.id], problem + advice, {
            path: ['elements', position, reference.field],
            ...(suggestion
              ? {
                  fix: updateElement(`Refer to '${suggestion}'`, element.id, (current) => ({ ...current, [reference.field]: suggestion })),
                }
              : {}),
          }),
        ];
      }),
    );
  },
};
