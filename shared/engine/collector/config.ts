import type { Signal } from '../../model/common.js';
import {
  FILE_STORAGE_DIRECTORY,
  FILE_STORAGE_EXTENSION,
  HEALTH_CHECK_PORT,
  METRICS_PORT,
  OPAMP_TOKEN_ENV,
  POD_IP_ENV,
  envReference,
} from '../conventions.js';
import { originKey, type Origins } from '../yaml-emit.js';
import { emittedId, mergeConfig } from './components.js';
import { runsInPod, type CollectorContext } from './context.js';
import { emitFlowExporters } from './exporters.js';
import { buildPipelines } from './pipelines.js';
import { emitProcessors } from './processors.js';
import { bindAddress, emitReceivers } from './receivers.js';
import { secretText } from './secrets.js';

export type CollectorConfig = Record<string, unknown>;

export interface GeneratedCollectorConfig {
  readonly config: CollectorConfig;
  /** Generated path → model element, the source map of the config file. */
  readonly origins: Origins;
}

const SECTIONS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'] as const;

/** Derived-metrics connectors: traces in, metrics out. */
function derivedConnectors(context: CollectorContext): Array<{ id: string; from: Signal; to: Signal; body: Record<string, unknown> }> {
  return context.collector.connectors.map((connector) => ({
    id: emittedId('connector', connector.type, context.version, connector.name),
    from: 'traces',
    to: 'metrics',
    body: mergeConfig({}, connector.config),
  }));
}

function opampExtension(context: CollectorContext): { id: string; body: Record<string, unknown>; origin: string } | undefined {
  const controlPlane = context.collector.controlPlane;
  const server = controlPlane ? context.index.byId.get(controlPlane) : undefined;
  // On VMs the OpAMP supervisor runs the collector and owns the connection.
  if (!server || server.kind !== 'controlPlane' || context.mode === 'systemd' || context.mode === 'lambda-layer') return undefined;
  const token = server.token === undefined ? undefined : secretText(server.token);
  return {
    id: 'opamp',
    origin: server.id,
    body: {
      server: {
        ws: {
          endpoint: server.endpoint,
          ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
        },
      },
      capabilities: { reports_effective_config: true, reports_health: true },
    },
  };
}

/** A collector's configuration, as a plain object, with where each part comes from. */
export function generateCollectorConfig(context: CollectorContext): GeneratedCollectorConfig {
  const origins = new Map<string, string>([[originKey([]), context.collector.id]]);
  const receivers = emitReceivers(context);
  const processors = emitProcessors(context);
  const exporters = emitFlowExporters(context);
  const derived = derivedConnectors(context);
  const { pipelines, connectors, origins: pipelineOrigins } = buildPipelines(context, receivers, processors, exporters, derived);

  const extensions: Record<string, unknown> = {};
  if (context.mode !== 'lambda-layer') {
    extensions.health_check = { endpoint: `${bindAddress(context)}:${HEALTH_CHECK_PORT}` };
  }
  const persistent = exporters.some((exporter) => JSON.stringify(exporter.body).includes(`"storage":"${FILE_STORAGE_EXTENSION}"`));
  if (persistent) extensions[FILE_STORAGE_EXTENSION] = { directory: FILE_STORAGE_DIRECTORY, timeout: '1s' };
  const opamp = opampExtension(context);
  if (opamp) {
    extensions[opamp.id] = opamp.body;
    origins.set(originKey(['extensions', opamp.id]), opamp.origin);
  }

  for (const receiver of receivers) origins.set(originKey(['receivers', receiver.id]), receiver.origin);
  for (const processor of processors) origins.set(originKey(['processors', processor.id]), processor.origin);
  for (const exporter of exporters) {
    origins.set(originKey(['exporters', exporter.id]), exporter.flow.id);
    if (exporter.backendId) origins.set(originKey(['exporters', exporter.id, Object.keys(exporter.body)[0] ?? '']), exporter.backendId);
  }
  for (const [name, origin] of pipelineOrigins) {
    if (name.startsWith('connector:')) origins.set(originKey(['connectors', name.slice('connector:'.length)]), origin);
    else origins.set(originKey(['service', 'pipelines', name]), origin);
  }

  const allConnectors = { ...connectors, ...Object.fromEntries(derived.map((connector) => [connector.id, connector.body])) };
  const generated: CollectorConfig = {
    receivers: Object.fromEntries(receivers.map((receiver) => [receiver.id, receiver.body])),
    processors: Object.fromEntries(processors.map((processor) => [processor.id, processor.body])),
    exporters: Object.fromEntries(exporters.map((exporter) => [exporter.id, exporter.body])),
    ...(Object.keys(allConnectors).length > 0 ? { connectors: allConnectors } : {}),
    extensions,
    service: {
      extensions: Object.keys(extensions),
      pipelines: Object.fromEntries(
        Object.entries(pipelines).map(([name, { receivers: from, processors: through, exporters: to }]) => [
          name,
          through.length > 0 ? { receivers: from, processors: through, exporters: to } : { receivers: from, exporters: to },
        ]),
      ),
      ...(runsInPod(context.mode)
        ? {
            telemetry: {
              metrics: {
                level: 'normal',
                readers: [{ pull: { exporter: { prometheus: { host: envReference(POD_IP_ENV), port: METRICS_PORT } } } }],
              },
            },
          }
        : {}),
    },
  };
  if (Object.keys(generated.processors as object).length === 0) delete generated.processors;
  const config = normalizeBodies(mergeConfig(generated, context.collector.overrides));
  if (context.collector.overrides) origins.set(originKey(['service']), context.collector.id);
  return { config, origins };
}

/**
 * A component written as `name:` with nothing after it is `null`, which the Operator rejects
 * (operator #3452) and some tools drop: always emit `{}`.
 */
function normalizeBodies(config: CollectorConfig): CollectorConfig {
  const normalized: CollectorConfig = { ...config };
  for (const section of SECTIONS) {
    const components = normalized[section];
    if (typeof components !== 'object' || components === null || Array.isArray(components)) continue;
    normalized[section] = Object.fromEntries(
      Object.entries(components).map(([id, body]) => [id, body === null || body === undefined ? {} : body]),
    );
  }
  return normalized;
}

export const OPAMP_TOKEN_DEFAULT_ENV = OPAMP_TOKEN_ENV;
