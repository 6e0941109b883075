/**
 * Processor order in the pipelines of a generated collector config, and quick fixes that reorder
 * it where it comes from: the collector's `processors` (the engine keeps their order in every
 * pipeline) or a pipeline list the user wrote in `overrides`.
 */
import type { CollectorPlan } from '../engine/plan.js';
import { KnownProcessor, type Collector, type Processor } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import { canonicalTypeOf, componentsOf, isPlainObject, pipelinesOf, type ConfigPath } from './config-check.js';
import { valueAt } from './config-source.js';
import type { QuickFix } from './diagnostic.js';
import { elementPath, updateElement } from './rule.js';

/** The processors of one pipeline that takes data from receivers. */
export interface ProcessorList {
  readonly pipeline: string;
  /** Processor ids, in order. */
  readonly ids: readonly string[];
  /** Their catalog types (`k8sattributes` → `k8s_attributes`). */
  readonly types: readonly string[];
  /** The list is written in the collector's overrides (else the engine made it from `processors`). */
  readonly overridden: boolean;
  readonly configPath: ConfigPath;
}

/**
 * Processor lists of the pipelines fed by receivers. Pipelines fed only by connectors (routing
 * and failover branches, derived metrics) get data already limited and processed upstream.
 */
export function receiverFedProcessorLists(plan: CollectorPlan): ProcessorList[] {
  const receivers = componentsOf(plan.config, 'receivers');
  return pipelinesOf(plan.config)
    .filter((pipeline) => pipeline.receivers.some((id) => id in receivers))
    .map((pipeline) => {
      const configPath = ['service', 'pipelines', pipeline.id, 'processors'];
      return {
        pipeline: pipeline.id,
        ids: pipeline.processors,
        types: pipeline.processors.map((id) => canonicalTypeOf('processor', id)),
        overridden: valueAt(plan.collector.overrides, configPath) !== undefined,
        configPath,
      };
    });
}

/** The catalog type of a model processor. */
export const modelProcessorType = (processor: Processor) => canonicalTypeOf('processor', processor.type);

/** A processor of the model with every default filled in (`{ type: 'batch' }` → timeout, sizes...). */
export function defaultProcessor(type: 'memory_limiter' | 'batch'): Processor {
  return KnownProcessor.parse({ type });
}

/** A quick fix that rewrites a collector's `processors` list. */
export function reorderModelProcessors(title: string, collectorId: string, reorder: (processors: Processor[]) => Processor[]): QuickFix {
  return updateElement<Collector>(title, collectorId, (collector) => ({ ...collector, processors: reorder([...collector.processors]) }));
}

/**
 * A quick fix that rewrites one pipeline's processor list in the collector's overrides, and
 * defines in the overrides any processor it adds that the config does not define yet.
 */
export function reorderOverriddenList(
  title: string,
  plan: CollectorPlan,
  list: ProcessorList,
  reorder: (ids: string[]) => string[],
): QuickFix {
  const defined = componentsOf(plan.config, 'processors');
  return updateElement<Collector>(title, plan.collector.id, (collector) => {
    const overrides = collector.overrides ?? {};
    const service = isPlainObject(overrides.service) ? overrides.service : {};
    const pipelines = isPlainObject(service.pipelines) ? service.pipelines : {};
    const pipeline = isPlainObject(pipelines[list.pipeline]) ? (pipelines[list.pipeline] as Record<string, unknown>) : {};
    const ids = reorder([...list.ids]);
    const missing = ids.filter((id) => !(id in defined));
    const processors = isPlainObject(overrides.processors) ? overrides.processors : {};
    return {
      ...collector,
      overrides: {
        ...overrides,
        ...(missing.length > 0 ? { processors: { ...processors, ...Object.fromEntries(missing.map((id) => [id, {}])) } } : {}),
        service: { ...service, pipelines: { ...pipelines, [list.pipeline]: { ...pipeline, processors: ids } } },
      },
    };
  });
}

/** `items` with the one at `from` moved to `to` (an index in the list without it). */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const rest = items.filter((_, index) => index !== from);
  return [...rest.slice(0, to), items[from]!, ...rest.slice(to)];
}

/** The model path of a collector's processors list, or of one of them. */
export function processorsPath(topology: Topology, collectorId: string, index?: number): (string | number)[] {
  return [...elementPath(topology, collectorId), 'processors', ...(index === undefined ? [] : [index])];
}

/** The model path of a pipeline's processor list in a collector's overrides. */
export function overriddenListPath(topology: Topology, collectorId: string, list: ProcessorList): (string | number)[] {
  return [...elementPath(topology, collectorId), 'overrides', ...list.configPath];
}

export const listNames = (lists: readonly ProcessorList[]) => lists.map((list) => `\`${list.pipeline}\``).join(', ');
