import { canonicalTypeOf, componentsOf } from '../config-check.js';
import type { Diagnostic } from '../diagnostic.js';
import {
  defaultProcessor,
  listNames,
  modelProcessorType,
  overriddenListPath,
  processorsPath,
  receiverFedProcessorLists,
  reorderModelProcessors,
  reorderOverriddenList,
  type ProcessorList,
} from '../processor-order.js';
import { collectorRule, diagnose, type CollectorRule } from '../rule.js';
import type { Processor } from '../../model/collector.js';

/**
 * The order the rule wants: everything else, then batch, then (in Lambda) decouple, which lets
 * the function return before the export finishes. Missing batch or decouple are added.
 */
function arrange<T>(items: readonly T[], type: (item: T) => string, lambda: boolean, make: { batch: () => T; decouple: () => T }): T[] {
  const isDecouple = (item: T) => lambda && type(item) === 'decouple';
  const batches = items.filter((item) => type(item) === 'batch');
  const decouples = items.filter(isDecouple);
  const rest = items.filter((item) => type(item) !== 'batch' && !isDecouple(item));
  return [
    ...rest,
    ...(batches.length > 0 ? batches : [make.batch()]),
    ...(lambda ? (decouples.length > 0 ? decouples : [make.decouple()]) : []),
  ];
}

type Problem = 'missing' | 'not-last' | 'no-decouple';

/** What is wrong with one pipeline's processors, if anything, and what comes after batch. */
function problemOf(types: readonly string[], lambda: boolean): { problem: Problem; after: string[] } | undefined {
  const position = types.indexOf('batch');
  if (position === -1) return { problem: 'missing', after: [] };
  const after = types.slice(position + 1);
  const misplaced = after.filter((type) => !(lambda && type === 'decouple'));
  if (misplaced.length > 0) return { problem: 'not-last', after: misplaced };
  if (lambda && after.length === 0) return { problem: 'no-decouple', after: [] };
  return undefined;
}

function message(problem: Problem, where: string, after: readonly string[]): string {
  switch (problem) {
    case 'missing':
      return `${where} has no batch processor: every request is exported on its own, with far more calls and less compression.`;
    case 'not-last':
      return (
        `${where} runs ${after.map((type) => `\`${type}\``).join(', ')} after batch. Batch should come last: ` +
        'processors after it work on and re-split its batches, and tail_sampling regroups spans by trace anyway.'
      );
    case 'no-decouple':
      return `${where} batches in Lambda without decouple after batch: the function waits for every export before it returns. Put decouple last.`;
  }
}

export const batchLast: CollectorRule = collectorRule({
  id: 'batch-last',
  description: 'Pipelines fed by receivers end with batch — followed by decouple in Lambda, so the function can return before the export.',
  severity: 'warning',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    const lambda = plan.context.mode === 'lambda-layer';
    const place = lambda ? 'Lambda collector' : 'Collector';
    const found = receiverFedProcessorLists(plan).flatMap((list) => {
      const problem = problemOf(list.types, lambda);
      return problem ? [{ list, ...problem }] : [];
    });

    // Lists written in overrides: one diagnostic and fix per pipeline.
    const defined = Object.keys(componentsOf(plan.config, 'processors'));
    const definedOf = (type: string) => defined.find((id) => canonicalTypeOf('processor', id) === type) ?? type;
    for (const { list, problem, after } of found.filter((item) => item.list.overridden)) {
      const position = problem === 'missing' ? undefined : list.types.indexOf('batch');
      diagnostics.push(
        diagnose(batchLast, topology, [collector.id], message(problem, `Pipeline \`${list.pipeline}\` of '${collector.id}' (written in overrides)`, after), {
          path: [...overriddenListPath(topology, collector.id, list), ...(position === undefined ? [] : [position])],
          config: { collectorId: collector.id, path: [...list.configPath, ...(position === undefined ? [] : [position])] },
          fix: reorderOverriddenList(`Reorder ${list.pipeline}: batch last`, plan, list, (ids) =>
            arrange(ids, (id) => canonicalTypeOf('processor', id), lambda, { batch: () => definedOf('batch'), decouple: () => definedOf('decouple') }),
          ),
        }),
      );
    }

    // Lists the engine made from the collector's processors: one diagnostic per kind of problem.
    const modelFix = reorderModelProcessors(lambda ? 'Put batch then decouple last' : 'Put batch last', collector.id, (processors) =>
      arrange(processors, modelProcessorType, lambda, { batch: () => defaultProcessor('batch'), decouple: (): Processor => ({ type: 'decouple' }) }),
    );
    const modelBatch = collector.processors.findIndex((processor) => modelProcessorType(processor) === 'batch');
    for (const problem of ['missing', 'not-last', 'no-decouple'] as const) {
      const lists = found.filter((item) => !item.list.overridden && item.problem === problem);
      if (lists.length === 0) continue;
      const first: ProcessorList = lists[0]!.list;
      const after = [...new Set(lists.flatMap((item) => item.after))];
      const batchPosition = first.types.indexOf('batch');
      diagnostics.push(
        diagnose(batchLast, topology, [collector.id], message(problem, `${place} '${collector.id}' (pipelines ${listNames(lists.map((item) => item.list))})`, after), {
          path: processorsPath(topology, collector.id, modelBatch === -1 ? undefined : modelBatch),
          config: { collectorId: collector.id, path: [...first.configPath, ...(batchPosition === -1 ? [] : [batchPosition])] },
          fix: modelFix,
        }),
      );
    }
    return diagnostics;
  },
});
