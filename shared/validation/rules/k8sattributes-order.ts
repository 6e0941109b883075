import type { Diagnostic } from '../diagnostic.js';
import {
  listNames,
  modelProcessorType,
  overriddenListPath,
  processorsPath,
  receiverFedProcessorLists,
  reorderModelProcessors,
  reorderOverriddenList,
} from '../processor-order.js';
import { canonicalTypeOf } from '../config-check.js';
import { collectorRule, diagnose, type CollectorRule } from '../rule.js';

const K8S_ATTRIBUTES = 'k8s_attributes';
/** Processors k8s_attributes must run before. */
const MUST_PRECEDE = ['batch', 'tail_sampling'];

/** `items` with k8s_attributes moved right after memory_limiter (first where there is none). */
function arrange<T>(items: readonly T[], type: (item: T) => string): T[] {
  const k8s = items.filter((item) => type(item) === K8S_ATTRIBUTES);
  const rest = items.filter((item) => type(item) !== K8S_ATTRIBUTES);
  const limiter = rest.findIndex((item) => type(item) === 'memory_limiter');
  return [...rest.slice(0, limiter + 1), ...k8s, ...rest.slice(limiter + 1)];
}

/** The processors among batch / tail_sampling that run before k8s_attributes in one list. */
function before(types: readonly string[]): string[] {
  const position = types.indexOf(K8S_ATTRIBUTES);
  if (position === -1) return [];
  return [...new Set(types.slice(0, position).filter((type) => MUST_PRECEDE.includes(type)))];
}

const why =
  'batch drops the request context k8s_attributes reads the sender’s address from (pod association by connection), ' +
  'and tail_sampling decides on spans before they carry the Kubernetes attributes its policies may test. ' +
  'Put k8s_attributes right after memory_limiter.';

export const k8sattributesOrder: CollectorRule = collectorRule({
  id: 'k8sattributes-order',
  description: 'k8s_attributes runs before batch and tail_sampling.',
  severity: 'warning',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    const late = receiverFedProcessorLists(plan).flatMap((list) => {
      const preceding = before(list.types);
      return preceding.length > 0 ? [{ list, preceding }] : [];
    });
    const quote = (types: readonly string[]) => types.map((type) => `\`${type}\``).join(' and ');
    for (const { list, preceding } of late.filter((item) => item.list.overridden)) {
      const position = list.types.indexOf(K8S_ATTRIBUTES);
      diagnostics.push(
        diagnose(
          k8sattributesOrder,
          topology,
          [collector.id],
          `In pipeline \`${list.pipeline}\` of '${collector.id}' (written in overrides), k8s_attributes runs after ${quote(preceding)}: ${why}`,
          {
            path: [...overriddenListPath(topology, collector.id, list), position],
            config: { collectorId: collector.id, path: [...list.configPath, position] },
            fix: reorderOverriddenList(`Move k8s_attributes after memory_limiter in ${list.pipeline}`, plan, list, (ids) =>
              arrange(ids, (id) => canonicalTypeOf('processor', id)),
            ),
          },
        ),
      );
    }
    const fromModel = late.filter((item) => !item.list.overridden);
    const modelIndex = collector.processors.findIndex((processor) => modelProcessorType(processor) === K8S_ATTRIBUTES);
    if (fromModel.length > 0 && modelIndex !== -1) {
      const first = fromModel[0]!.list;
      const preceding = [...new Set(fromModel.flatMap((item) => item.preceding))];
      diagnostics.push(
        diagnose(
          k8sattributesOrder,
          topology,
          [collector.id],
          `Collector '${collector.id}' runs k8s_attributes after ${quote(preceding)} (pipelines ${listNames(fromModel.map((item) => item.list))}): ${why}`,
          {
            path: processorsPath(topology, collector.id, modelIndex),
            config: { collectorId: collector.id, path: [...first.configPath, first.types.indexOf(K8S_ATTRIBUTES)] },
            fix: reorderModelProcessors('Move k8s_attributes right after memory_limiter', collector.id, (processors) =>
              arrange(processors, modelProcessorType),
            ),
          },
        ),
      );
    }
    return diagnostics;
  },
});
