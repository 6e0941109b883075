import type { Diagnostic } from '../diagnostic.js';
import {
  defaultProcessor,
  listNames,
  modelProcessorType,
  move,
  overriddenListPath,
  processorsPath,
  receiverFedProcessorLists,
  reorderModelProcessors,
  reorderOverriddenList,
} from '../processor-order.js';
import { canonicalTypeOf, componentsOf } from '../config-check.js';
import { collectorRule, diagnose, type CollectorRule } from '../rule.js';

const isMemoryLimiter = (type: string) => type === 'memory_limiter';

/**
 * Every pipeline fed by receivers starts with memory_limiter: it refuses data before the
 * collector runs out of memory, and only protects what comes after it.
 */
export const memoryLimiterFirst: CollectorRule = collectorRule({
  id: 'memory-limiter-first',
  description: 'A collector has a memory_limiter processor, first in every pipeline that takes data from receivers.',
  severity: 'error',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    const lists = receiverFedProcessorLists(plan);
    const missing = lists.filter((list) => !list.types.some(isMemoryLimiter));
    const late = lists.filter((list) => list.types.some(isMemoryLimiter) && !isMemoryLimiter(list.types[0]!));
    const config = (list: (typeof lists)[number]) => ({ collectorId: collector.id, path: list.configPath });

    // Pipelines written in overrides: fixed there, one by one.
    const definedLimiter = Object.keys(componentsOf(plan.config, 'processors')).find((id) => isMemoryLimiter(canonicalTypeOf('processor', id)));
    for (const list of missing.filter((candidate) => candidate.overridden)) {
      diagnostics.push(
        diagnose(
          memoryLimiterFirst,
          topology,
          [collector.id],
          `Pipeline \`${list.pipeline}\` of '${collector.id}' (written in overrides) has no memory_limiter: under load the collector can run out of memory and be killed.`,
          {
            path: overriddenListPath(topology, collector.id, list),
            config: config(list),
            ...(definedLimiter
              ? { fix: reorderOverriddenList(`Put ${definedLimiter} first in ${list.pipeline}`, plan, list, (ids) => [definedLimiter, ...ids]) }
              : {}),
          },
        ),
      );
    }
    for (const list of late.filter((candidate) => candidate.overridden)) {
      const position = list.types.findIndex(isMemoryLimiter);
      diagnostics.push(
        diagnose(
          memoryLimiterFirst,
          topology,
          [collector.id],
          `In pipeline \`${list.pipeline}\` of '${collector.id}' (written in overrides), memory_limiter comes after \`${list.ids[0]}\`: it only protects the processors after it. Put it first.`,
          {
            path: [...overriddenListPath(topology, collector.id, list), position],
            config: { collectorId: collector.id, path: [...list.configPath, position] },
            severity: 'warning',
            fix: reorderOverriddenList(`Move ${list.ids[position]} first in ${list.pipeline}`, plan, list, (ids) => move(ids, position, 0)),
          },
        ),
      );
    }

    // Pipelines the engine made from the collector's processors: fixed in the model, once.
    const modelMissing = missing.filter((list) => !list.overridden);
    const modelLate = late.filter((list) => !list.overridden);
    const modelIndex = collector.processors.findIndex((processor) => isMemoryLimiter(modelProcessorType(processor)));
    if (modelMissing.length > 0) {
      diagnostics.push(
        diagnose(
          memoryLimiterFirst,
          topology,
          [collector.id],
          `Collector '${collector.id}' has no memory_limiter processor (pipelines ${listNames(modelMissing)}): under load it can run out of memory and be killed instead of refusing data.`,
          {
            path: processorsPath(topology, collector.id),
            config: config(modelMissing[0]!),
            fix: reorderModelProcessors('Add memory_limiter first', collector.id, (processors) =>
              modelIndex === -1 ? [defaultProcessor('memory_limiter'), ...processors] : move(processors, modelIndex, 0),
            ),
          },
        ),
      );
    }
    if (modelLate.length > 0 && modelIndex > 0) {
      const first = modelLate[0]!;
      const position = first.types.findIndex(isMemoryLimiter);
      diagnostics.push(
        diagnose(
          memoryLimiterFirst,
          topology,
          [collector.id],
          `Collector '${collector.id}' runs memory_limiter after ${collector.processors[0]!.type} (pipelines ${listNames(modelLate)}): it only protects the processors after it. Put it first.`,
          {
            path: processorsPath(topology, collector.id, modelIndex),
            config: { collectorId: collector.id, path: [...first.configPath, position] },
            severity: 'warning',
            fix: reorderModelProcessors('Move memory_limiter first', collector.id, (processors) => move(processors, modelIndex, 0)),
          },
        ),
      );
    }
    return diagnostics;
  },
});
