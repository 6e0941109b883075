/**
 * Where a part of a generated collector config comes from in the model, so that diagnostics on
 * generated configs can select the element that causes them and quick fixes can change it.
 */
import type { CollectorPlan } from '../engine/plan.js';
import { emittedId } from '../engine/collector/components.js';
import { generateCollectorConfig } from '../engine/collector/config.js';
import { emitFlowExporters } from '../engine/collector/exporters.js';
import type { ModelPath } from '../io/problem.js';
import type { Collector } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import { componentsOf, isPlainObject, type ComponentSection, type ConfigPath } from './config-check.js';
import { elementPath, updateElement } from './rule.js';
import type { QuickFix } from './diagnostic.js';

export interface ModelSource {
  /** The element to select: the collector, a flow or a backend. */
  readonly elementId: string;
  /** Path in the topology document. */
  readonly path: ModelPath;
}

const baseConfigs = new WeakMap<CollectorPlan, Record<string, unknown>>();

/** The config the engine generates for a collector before its `overrides` are merged. */
export function configWithoutOverrides(plan: CollectorPlan): Record<string, unknown> {
  let config = baseConfigs.get(plan);
  if (!config) {
    const { overrides: _ignored, ...collector } = plan.collector;
    config = plan.collector.overrides ? generateCollectorConfig({ ...plan.context, collector }).config : plan.config;
    baseConfigs.set(plan, config);
  }
  return config;
}

/** Whether a component exists only because the collector's `overrides` define it. */
export function definedByOverrides(plan: CollectorPlan, section: ComponentSection, id: string): boolean {
  const override = plan.collector.overrides?.[section];
  return isPlainObject(override) && id in override && !(id in componentsOf(configWithoutOverrides(plan), section));
}

/** The model element a component of a collector's generated config is made from. */
export function componentSource(topology: Topology, plan: CollectorPlan, section: ComponentSection, id: string): ModelSource {
  const collector = plan.collector;
  const base = elementPath(topology, collector.id);
  const here = { elementId: collector.id, path: base };
  if (definedByOverrides(plan, section, id)) return { elementId: collector.id, path: [...base, 'overrides', section, id] };
  switch (section) {
    case 'receivers':
    case 'processors': {
      const index = emittedComponentIndex(plan, section, id);
      return index === undefined ? here : { elementId: collector.id, path: [...base, section, index] };
    }
    case 'connectors': {
      const index = emittedComponentIndex(plan, 'connectors', id);
      if (index !== undefined) return { elementId: collector.id, path: [...base, 'connectors', index] };
      // Routing and failover connectors come from the flows they route.
      const flow = plan.context.outgoing.find((candidate) => candidate.route !== undefined || candidate.failoverPriority !== undefined);
      return flow ? { elementId: flow.id, path: elementPath(topology, flow.id) } : here;
    }
    case 'exporters': {
      const exporter = emitFlowExporters(plan.context).find((candidate) => candidate.id === id);
      return exporter ? { elementId: exporter.flow.id, path: elementPath(topology, exporter.flow.id) } : here;
    }
    case 'extensions':
      return here;
  }
}

/** Index in the collector's model list of the receiver / processor / connector emitted as `id`. */
export function emittedComponentIndex(plan: CollectorPlan, section: ComponentSection, id: string): number | undefined {
  const { collector, context } = plan;
  const version = context.version;
  let index = -1;
  if (section === 'receivers') index = collector.receivers.findIndex((item) => emittedId('receiver', item.type, version, item.name) === id);
  if (section === 'processors') index = collector.processors.findIndex((item) => emittedId('processor', item.type, version, item.name) === id);
  if (section === 'connectors') index = collector.connectors.findIndex((item) => emittedId('connector', item.type, version, item.name) === id);
  return index === -1 ? undefined : index;
}

/** The value at `path` inside `value`, or undefined. */
export function valueAt(value: unknown, path: ConfigPath): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isPlainObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/** A copy of `value` with `path` set to `replacement` (maps and lists created as needed). */
export function setAt(value: unknown, path: ConfigPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const items = Array.isArray(value) ? [...value] : [];
    items[key] = setAt(items[key], rest, replacement);
    return items;
  }
  const map = isPlainObject(value) ? { ...value } : {};
  map[key!] = setAt(map[key!], rest, replacement);
  return map;
}

/** A copy of `value` without the key at `path`. */
export function removeAt(value: unknown, path: ConfigPath): unknown {
  if (path.length === 0) return undefined;
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (Array.isArray(value) && typeof key === 'number') return value.filter((_, index) => index !== key);
    if (isPlainObject(value) && typeof key === 'string') return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
    return value;
  }
  const inner = valueAt(value, [key!]);
  return inner === undefined ? value : setAt(value, [key!], removeAt(inner, rest));
}

/**
 * Where a value of the generated config is written verbatim in the model: the collector's
 * `overrides` first (merged last), then the raw `config` of the receiver, processor or connector,
 * or of the backend an exporter writes to. Undefined where the engine computed the value.
 */
export function rawValueSource(
  topology: Topology,
  plan: CollectorPlan,
  configPath: ConfigPath,
): (ModelSource & { readonly value: unknown }) | undefined {
  const collector = plan.collector;
  const overridden = valueAt(collector.overrides, configPath);
  if (overridden !== undefined) {
    return { elementId: collector.id, path: [...elementPath(topology, collector.id), 'overrides', ...configPath], value: overridden };
  }
  const [section, id, ...rest] = configPath;
  // A whole component is the element's, not its raw settings.
  if (typeof section !== 'string' || typeof id !== 'string' || rest.length === 0) return undefined;
  if (section === 'receivers' || section === 'processors' || section === 'connectors') {
    const index = emittedComponentIndex(plan, section, id);
    if (index === undefined) return undefined;
    const element = (section === 'receivers' ? collector.receivers : section === 'processors' ? collector.processors : collector.connectors)[index];
    const raw = element && 'config' in element ? valueAt(element.config, rest) : undefined;
    return raw === undefined
      ? undefined
      : { elementId: collector.id, path: [...elementPath(topology, collector.id), section, index, 'config', ...rest], value: raw };
  }
  if (section === 'exporters') {
    const exporter = emitFlowExporters(plan.context).find((candidate) => candidate.id === id);
    const backend = exporter?.backendId ? plan.context.index.backend(exporter.backendId) : undefined;
    const raw = backend ? valueAt(backend.config, rest) : undefined;
    return raw === undefined || !backend
      ? undefined
      : { elementId: backend.id, path: [...elementPath(topology, backend.id), 'config', ...rest], value: raw };
  }
  return undefined;
}

/** A quick fix that sets (or, with `undefined`, removes) a value at a model path. */
export function setModelValue(title: string, path: ModelPath, value: unknown): QuickFix {
  return {
    title,
    apply(topology) {
      const mutable = [...path];
      const next = value === undefined ? removeAt(topology, mutable) : setAt(topology, mutable, value);
      return next as Topology;
    },
  };
}

/** A quick fix that rewrites one collector. */
export function updateCollector(title: string, collectorId: string, update: (collector: Collector) => Collector): QuickFix {
  return updateElement<Collector>(title, collectorId, update);
}
