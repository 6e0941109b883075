import { typeOf } from '../../catalog/catalog.js';
import type { CollectorPlan } from '../../engine/plan.js';
import type { Collector, Processor } from '../../model/collector.js';
import type { RawConfig } from '../../model/common.js';
import type { Topology } from '../../model/topology.js';
import {
  COMPONENT_SECTIONS,
  FINDING_SEVERITY,
  checkCollectorConfig,
  isPlainObject,
  type ComponentSection,
  type ConfigFinding,
  type PlainObject,
} from '../config-check.js';
import { componentSource, definedByOverrides, emittedComponentIndex, rawValueSource, valueAt, type ModelSource } from '../config-source.js';
import type { Diagnostic, QuickFix } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, updateElement, type CollectorRule, type Rule } from '../rule.js';

const SECTION_OF_KIND = {
  receiver: 'receivers',
  processor: 'processors',
  exporter: 'exporters',
  connector: 'connectors',
  extension: 'extensions',
} as const;

/** Pipeline lists an id of each section can appear in. */
const LISTS_OF: Record<ComponentSection, readonly string[]> = {
  receivers: ['receivers'],
  processors: ['processors'],
  exporters: ['exporters'],
  connectors: ['receivers', 'exporters'],
  extensions: [],
};

const withName = (type: string, id: string) => (id.includes('/') ? `${type}${id.slice(id.indexOf('/'))}` : type);

/** `overrides` with component `from` renamed to `to`, in its section and wherever service lists it. */
export function renameInOverrides(overrides: RawConfig, section: ComponentSection, from: string, to: string): RawConfig {
  const rename = (id: unknown) => (id === from ? to : id);
  const next: RawConfig = { ...overrides };
  const components = overrides[section];
  if (isPlainObject(components)) {
    next[section] = Object.fromEntries(Object.entries(components).map(([id, body]) => [id === from ? to : id, body]));
  }
  const service = overrides.service;
  if (isPlainObject(service)) {
    const nextService: PlainObject = { ...service };
    if (section === 'extensions' && Array.isArray(service.extensions)) nextService.extensions = service.extensions.map(rename);
    if (isPlainObject(service.pipelines)) {
      nextService.pipelines = Object.fromEntries(
        Object.entries(service.pipelines).map(([name, pipeline]) => {
          if (!isPlainObject(pipeline)) return [name, pipeline];
          const nextPipeline: PlainObject = { ...pipeline };
          for (const list of LISTS_OF[section]) {
            const ids = pipeline[list];
            if (Array.isArray(ids)) nextPipeline[list] = ids.map(rename);
          }
          return [name, nextPipeline];
        }),
      );
    }
    next.service = nextService;
  }
  return next;
}

/** `overrides` without component `id`, in its section and in every service list. */
function removeFromOverrides(overrides: RawConfig, section: ComponentSection, id: string): RawConfig {
  const keep = (item: unknown) => item !== id;
  const next: RawConfig = { ...overrides };
  const components = overrides[section];
  if (isPlainObject(components)) next[section] = Object.fromEntries(Object.entries(components).filter(([name]) => name !== id));
  const service = overrides.service;
  if (isPlainObject(service)) {
    const nextService: PlainObject = { ...service };
    if (Array.isArray(service.extensions)) nextService.extensions = service.extensions.filter(keep);
    if (isPlainObject(service.pipelines)) {
      nextService.pipelines = Object.fromEntries(
        Object.entries(service.pipelines).map(([name, pipeline]) => {
          if (!isPlainObject(pipeline)) return [name, pipeline];
          const nextPipeline: PlainObject = { ...pipeline };
          for (const list of LISTS_OF[section]) if (Array.isArray(pipeline[list])) nextPipeline[list] = (pipeline[list] as unknown[]).filter(keep);
          return [name, nextPipeline];
        }),
      );
    }
    next.service = nextService;
  }
  return next;
}

const updateCollector = (title: string, collector: Collector, update: (collector: Collector) => Collector) =>
  updateElement<Collector>(title, collector.id, update);

/** Processors that became connectors: the migration replaces the processor with the connector. */
const PROCESSOR_TO_CONNECTOR: Record<string, 'span_metrics' | 'service_graph'> = {
  spanmetrics: 'span_metrics',
  servicegraph: 'service_graph',
};

function typeFix(plan: CollectorPlan, finding: ConfigFinding): QuickFix | undefined {
  const component = finding.component;
  if (!component) return undefined;
  const section = SECTION_OF_KIND[component.kind];
  const collector = plan.collector;
  const type = typeOf(component.id);
  if (definedByOverrides(plan, section, component.id)) {
    if (finding.replacementType) {
      const to = withName(finding.replacementType, component.id);
      return updateCollector(`Rename \`${component.id}\` to \`${to}\``, collector, (current) => ({
        ...current,
        overrides: renameInOverrides(current.overrides ?? {}, section, component.id, to),
      }));
    }
    if (finding.code === 'removed-type' && section === 'extensions' && type === 'memory_ballast') {
      return updateCollector('Remove memory_ballast (memory_limiter and GOMEMLIMIT replace it)', collector, (current) => ({
        ...current,
        overrides: removeFromOverrides(current.overrides ?? {}, section, component.id),
      }));
    }
    return undefined;
  }
  if (section !== 'processors' && section !== 'receivers') return undefined;
  const index = emittedComponentIndex(plan, section, component.id);
  if (index === undefined) return undefined;
  const connector = section === 'processors' ? PROCESSOR_TO_CONNECTOR[type] : undefined;
  if (connector && (finding.code === 'removed-type' || finding.code === 'deprecated-type')) {
    return updateCollector(`Replace the \`${type}\` processor with the \`${connector}\` connector`, collector, (current) => ({
      ...current,
      processors: current.processors.filter((_, position) => position !== index),
      connectors: current.connectors.some((item) => item.type === connector) ? current.connectors : [...current.connectors, { type: connector }],
    }));
  }
  if (!finding.replacementType) return undefined;
  const replacement = finding.replacementType;
  return updateCollector(`Change the type to \`${replacement}\``, collector, (current) => ({
    ...current,
    ...(section === 'processors'
      ? { processors: current.processors.map((item, position) => (position === index ? ({ ...item, type: replacement } as Processor) : item)) }
      : { receivers: current.receivers.map((item, position) => (position === index && item.type !== 'otlp' ? { ...item, type: replacement } : item)) }),
  }));
}

/** The model element and path a finding is about. */
function sourceOf(topology: Topology, plan: CollectorPlan, finding: ConfigFinding): ModelSource {
  const [section, id] = finding.path;
  const isComponent = (COMPONENT_SECTIONS as readonly unknown[]).includes(section) && typeof id === 'string';
  if (isComponent && finding.path.length === 2) return componentSource(topology, plan, section as ComponentSection, id);
  const raw = rawValueSource(topology, plan, finding.path);
  if (raw) return raw;
  if (isComponent) return componentSource(topology, plan, section as ComponentSection, id);
  // Pipelines and service settings: the overrides where they reshape them, else the collector.
  for (let length = finding.path.length; length > 0; length--) {
    const prefix = finding.path.slice(0, length);
    if (valueAt(plan.collector.overrides, prefix) !== undefined) {
      return { elementId: plan.collector.id, path: [...elementPath(topology, plan.collector.id), 'overrides', ...prefix] };
    }
  }
  return { elementId: plan.collector.id, path: elementPath(topology, plan.collector.id) };
}

/** `null` bodies in overrides: the engine writes `{}`, which is the collector's reading too, not a removal. */
function nullOverrides(rule: Pick<Rule, 'id' | 'severity'>, topology: Topology, collector: Collector): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const section of COMPONENT_SECTIONS) {
    const components = collector.overrides?.[section];
    if (!isPlainObject(components)) continue;
    for (const [id, body] of Object.entries(components)) {
      if (body !== null) continue;
      const path = [...elementPath(topology, collector.id), 'overrides', section, id];
      diagnostics.push(
        diagnose(
          rule,
          topology,
          [collector.id],
          `\`overrides.${section}.${id}\` is null: the collector reads it as \`{}\` (default settings), not as a removal, and the Operator rejects null (operator #3452). Write \`{}\`.`,
          {
            path,
            severity: FINDING_SEVERITY['null-body'],
            config: { collectorId: collector.id, path: [section, id] },
            fix: updateCollector(`Write \`{}\` for ${id}`, collector, (current) => ({
              ...current,
              overrides: { ...current.overrides, [section]: { ...(current.overrides?.[section] as PlainObject), [id]: {} } },
            })),
          },
        ),
      );
    }
  }
  return diagnostics;
}

/** Every collector's generated config, checked against the catalog and the collector's own rules. */
export const collectorConfig: CollectorRule = collectorRule({
  id: 'collector-config',
  description:
    'Generated collector configs use only component types and settings the target version and distribution have, and their pipelines, connectors and extensions fit together.',
  severity: 'error',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    const findings = checkCollectorConfig(plan.config, { version: plan.context.version, distribution: plan.context.distribution });
    for (const finding of findings) {
      const source = sourceOf(topology, plan, finding);
      const fix = typeFix(plan, finding);
      diagnostics.push(
        diagnose(collectorConfig, topology, source.elementId === collector.id ? [collector.id] : [collector.id, source.elementId], finding.message, {
          path: [...source.path],
          severity: finding.severity,
          config: { collectorId: collector.id, path: finding.path },
          ...(fix ? { fix } : {}),
        }),
      );
    }
    diagnostics.push(...nullOverrides(collectorConfig, topology, collector));
    return diagnostics;
  },
});
