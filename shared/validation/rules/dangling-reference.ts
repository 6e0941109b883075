import { REFERENCE_FIELDS, referencesOf } from '../../graph/network.js';
import type { Element, ElementKind } from '../../model/topology.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

const KIND_NAMES: Record<ElementKind, string> = {
  site: 'site',
  cluster: 'cluster',
  collector: 'collector',
  backend: 'backend',
  link: 'link',
  flow: 'flow',
  controlPlane: 'control plane',
};

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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The id of the right kind closest to a mistyped one, when it is close enough to be a typo. */
function closestId(elements: readonly Element[], id: string, kinds: readonly ElementKind[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const element of elements) {
    if (!kinds.includes(element.kind) || element.id === id) continue;
    const distance = editDistance(id.toLowerCase(), element.id.toLowerCase());
    if (!best || distance < best.distance) best = { id: element.id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(id.length / 4)) ? best.id : undefined;
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
        const owner = `${KIND_NAMES[element.kind][0]!.toUpperCase()}${KIND_NAMES[element.kind].slice(1)} '${element.id}'`;
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
