import { SIGNALS, type Signal } from '../../model/common.js';
import { emittedId, type EmittedComponent } from './components.js';
import type { CollectorContext } from './context.js';
import type { FlowExporter } from './exporters.js';

export interface Pipeline {
  readonly receivers: string[];
  readonly processors: string[];
  readonly exporters: string[];
}

export interface PipelineSet {
  readonly pipelines: Record<string, Pipeline>;
  readonly connectors: Record<string, Record<string, unknown>>;
  /** Model element each pipeline and connector comes from. */
  readonly origins: ReadonlyMap<string, string>;
}

/** A component name part made of the characters the collector accepts. */
const slug = (text: string) => text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

function quoteOttl(text: string): string {
  return JSON.stringify(text);
}

/** The OTTL condition of a route, in the routing connector's default `resource` context. */
export function routeCondition(attribute: string, values: readonly string[]): string {
  return values.map((value) => `attributes[${quoteOttl(attribute)}] == ${quoteOttl(value)}`).join(' or ');
}

interface Builder {
  readonly pipelines: Record<string, Pipeline>;
  readonly connectors: Record<string, Record<string, unknown>>;
  readonly origins: Map<string, string>;
}

/**
 * Exporter ids for a group of flows out of one pipeline. Flows with a failover priority go
 * through a `failover` connector, one sub-pipeline per target, ordered by priority.
 */
function exportersFor(builder: Builder, group: FlowExporter[], signal: Signal, base: string, version: string): string[] {
  const plain = group.filter((exporter) => exporter.flow.failoverPriority === undefined).map((exporter) => exporter.id);
  const failover = group.filter((exporter) => exporter.flow.failoverPriority !== undefined);
  if (failover.length === 0) return plain;
  const connectorId = emittedId('connector', 'failover', version, slug(base.replace('/', '-')));
  const priorities = [...new Set(failover.map((exporter) => exporter.flow.failoverPriority!))].sort((a, b) => a - b);
  const levels = priorities.map((priority) =>
    failover
      .filter((exporter) => exporter.flow.failoverPriority === priority)
      .map((exporter) => {
        const name = `${signal}/${slug(`${base.split('/')[1] ?? 'failover'}-${exporter.flow.to}`)}`;
        builder.pipelines[name] = { receivers: [connectorId], processors: [], exporters: [exporter.id] };
        builder.origins.set(name, exporter.flow.id);
        return name;
      }),
  );
  builder.connectors[connectorId] = { priority_levels: levels, retry_interval: '1m' };
  builder.origins.set(`connector:${connectorId}`, failover[0]!.flow.id);
  return [...plain, connectorId];
}

/** Routed flows grouped by the (attribute, value) pairs they ask for, in model order. */
function routesByValue(routed: readonly FlowExporter[]): Array<{ attribute: string; value: string; group: FlowExporter[] }> {
  const routes = new Map<string, { attribute: string; value: string; group: FlowExporter[] }>();
  for (const exporter of routed) {
    const route = exporter.flow.route!;
    if (route.default) continue;
    for (const value of route.values) {
      const key = `${route.attribute}\u0000${value}`;
      const entry = routes.get(key) ?? { attribute: route.attribute, value, group: [] };
      entry.group.push(exporter);
      routes.set(key, entry);
    }
  }
  return [...routes.values()];
}

export function buildPipelines(
  context: CollectorContext,
  receivers: readonly EmittedComponent[],
  processors: readonly EmittedComponent[],
  exporters: readonly FlowExporter[],
  derived: readonly { id: string; from: Signal; to: Signal }[],
): PipelineSet {
  const builder: Builder = { pipelines: {}, connectors: {}, origins: new Map() };
  for (const signal of SIGNALS) {
    const carrying = exporters.filter((exporter) => exporter.flow.signals.includes(signal));
    if (carrying.length === 0) continue;
    const direct = carrying.filter((exporter) => !exporter.flow.route);
    const mainExporters = exportersFor(builder, direct, signal, signal, context.version);

    const routed = carrying.filter((exporter) => exporter.flow.route);
    if (routed.length > 0) {
      const routingId = emittedId('connector', 'routing', context.version, signal);
      const table: Record<string, unknown>[] = [];
      // The connector sends each record to the first route that matches only, so there is one
      // route per attribute value, exporting to every flow that wants that value.
      for (const { attribute, value, group } of routesByValue(routed)) {
        const name = `${signal}/route-${slug(value)}`;
        builder.pipelines[name] = { receivers: [routingId], processors: [], exporters: exportersFor(builder, group, signal, name, context.version) };
        builder.origins.set(name, group[0]!.flow.id);
        table.push({ condition: routeCondition(attribute, [value]), pipelines: [name] });
      }
      const fallback = routed.filter((exporter) => exporter.flow.route!.default);
      let defaultPipelines: string[] | undefined;
      if (fallback.length > 0) {
        const name = `${signal}/route-default`;
        builder.pipelines[name] = { receivers: [routingId], processors: [], exporters: exportersFor(builder, fallback, signal, name, context.version) };
        builder.origins.set(name, fallback[0]!.flow.id);
        defaultPipelines = [name];
      }
      builder.connectors[routingId] = {
        ...(defaultPipelines ? { default_pipelines: defaultPipelines } : {}),
        error_mode: 'ignore',
        table,
      };
      builder.origins.set(`connector:${routingId}`, routed[0]!.flow.id);
      mainExporters.push(routingId);
    }

    builder.pipelines[signal] = {
      receivers: [
        ...receivers.filter((receiver) => receiver.signals.includes(signal)).map((receiver) => receiver.id),
        ...derived.filter((connector) => connector.to === signal).map((connector) => connector.id),
      ],
      processors: processors.filter((processor) => processor.signals.includes(signal)).map((processor) => processor.id),
      exporters: [...mainExporters, ...derived.filter((connector) => connector.from === signal).map((connector) => connector.id)],
    };
    builder.origins.set(signal, context.collector.id);
  }
  // Main pipelines first, in signal order, then the sub-pipelines in the order they were made.
  const main = SIGNALS.filter((signal) => signal in builder.pipelines);
  const ordered: Record<string, Pipeline> = {};
  for (const name of main) ordered[name] = builder.pipelines[name]!;
  for (const [name, pipeline] of Object.entries(builder.pipelines)) if (!(name in ordered)) ordered[name] = pipeline;
  return { pipelines: ordered, connectors: builder.connectors, origins: builder.origins };
}
