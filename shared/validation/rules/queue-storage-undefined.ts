import { emitFlowExporters } from '../../engine/collector/exporters.js';
import { runsInPod } from '../../engine/collector/context.js';
import { FILE_STORAGE_DIRECTORY } from '../../engine/conventions.js';
import type { CollectorPlan } from '../../engine/plan.js';
import type { Collector } from '../../model/collector.js';
import type { Topology } from '../../model/topology.js';
import { canonicalTypeOf, componentsOf, isPlainObject, type ConfigPath } from '../config-check.js';
import { rawValueSource, valueAt } from '../config-source.js';
import type { Diagnostic } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, updateElement, type CollectorRule } from '../rule.js';

const STORAGE_TYPES = ['file_storage', 'db_storage', 'redis_storage'];
/** file_storage's own default directory on Linux. */
const FILE_STORAGE_DEFAULT = '/var/lib/otelcol/file_storage';

/** Every enabled `sending_queue.storage` in an exporter body, including load_balancing's `protocol.otlp`. */
function* storageReferences(body: unknown, path: ConfigPath): Generator<{ path: ConfigPath; storage: string }> {
  if (!isPlainObject(body)) return;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'sending_queue' && isPlainObject(value) && typeof value.storage === 'string' && value.enabled !== false) {
      yield { path: [...path, key, 'storage'], storage: value.storage };
    } else if (isPlainObject(value)) {
      yield* storageReferences(value, [...path, key]);
    }
  }
}

/** Where a storage reference comes from: the overrides, or the flow whose queue is persistent. */
function sourceOf(topology: Topology, plan: CollectorPlan, configPath: ConfigPath): { elementIds: string[]; path: (string | number)[] } {
  const raw = rawValueSource(topology, plan, configPath);
  if (raw) return { elementIds: raw.elementId === plan.collector.id ? [plan.collector.id] : [plan.collector.id, raw.elementId], path: [...raw.path] };
  const flow = emitFlowExporters(plan.context).find((exporter) => exporter.id === configPath[1])?.flow;
  return flow
    ? { elementIds: [plan.collector.id, flow.id], path: [...elementPath(topology, flow.id), 'queue'] }
    : { elementIds: [plan.collector.id], path: elementPath(topology, plan.collector.id) };
}

/** Whether the deployment gives `directory` a lasting, writable place. */
function volumeProblem(plan: CollectorPlan, directory: string): string | undefined {
  const mode = plan.context.mode;
  if (mode === 'knative' || mode === 'lambda-layer') {
    return `${mode === 'knative' ? 'Cloud Run' : 'Lambda'} gives it no lasting disk: the queue is lost with the instance`;
  }
  if (!plan.fileStorage) return 'the deployment mounts no volume for it';
  const inside = directory === FILE_STORAGE_DIRECTORY || directory.startsWith(`${FILE_STORAGE_DIRECTORY}/`);
  if (!inside) {
    return runsInPod(mode)
      ? `the pod mounts its queue volume at ${FILE_STORAGE_DIRECTORY}, so ${directory} is on the container's own, read-only or throw-away file system`
      : `the unit only grants ${FILE_STORAGE_DIRECTORY}, so ${directory} may not exist or be writable`;
  }
  return undefined;
}

export const queueStorageUndefined: CollectorRule = collectorRule({
  id: 'queue-storage-undefined',
  description:
    'A persistent sending queue names a storage extension that is defined, enabled in service.extensions, and whose directory is on a volume.',
  severity: 'error',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    const extensions = componentsOf(plan.config, 'extensions');
    const service = plan.config.service;
    const enabled = isPlainObject(service) && Array.isArray(service.extensions) ? service.extensions : [];
    const checkedDirectories = new Set<string>();
    for (const [id, body] of Object.entries(componentsOf(plan.config, 'exporters'))) {
      for (const { path, storage } of storageReferences(body, ['exporters', id])) {
        const source = sourceOf(topology, plan, path);
        const config = { collectorId: collector.id, path };
        const type = canonicalTypeOf('extension', storage);
        if (!(storage in extensions)) {
          diagnostics.push(
            diagnose(queueStorageUndefined, topology, source.elementIds, `\`${id}\` of '${collector.id}' keeps its queue in \`${storage}\`, which \`extensions\` does not define: the collector will not start.`, {
              path: source.path,
              config,
            }),
          );
          continue;
        }
        if (!STORAGE_TYPES.includes(type)) {
          diagnostics.push(
            diagnose(queueStorageUndefined, topology, source.elementIds, `\`${id}\` of '${collector.id}' keeps its queue in \`${storage}\`, which is not a storage extension (${STORAGE_TYPES.join(', ')}).`, {
              path: source.path,
              config,
            }),
          );
          continue;
        }
        if (!enabled.includes(storage)) {
          const overridden = valueAt(collector.overrides, ['service', 'extensions']);
          diagnostics.push(
            diagnose(
              queueStorageUndefined,
              topology,
              source.elementIds,
              `\`${id}\` of '${collector.id}' keeps its queue in \`${storage}\`, which is not in \`service.extensions\`: the extension does not run and the collector will not start.`,
              {
                path: Array.isArray(overridden) ? [...elementPath(topology, collector.id), 'overrides', 'service', 'extensions'] : source.path,
                config: { collectorId: collector.id, path: ['service', 'extensions'] },
                ...(Array.isArray(overridden)
                  ? {
                      fix: updateElement<Collector>(`Enable ${storage} in service.extensions`, collector.id, (current) => {
                        const overrides = current.overrides ?? {};
                        const currentService = isPlainObject(overrides.service) ? overrides.service : {};
                        const list = Array.isArray(currentService.extensions) ? currentService.extensions : [];
                        return { ...current, overrides: { ...overrides, service: { ...currentService, extensions: [...list, storage] } } };
                      }),
                    }
                  : {}),
              },
            ),
          );
          continue;
        }
        if (type !== 'file_storage' || checkedDirectories.has(storage)) continue;
        checkedDirectories.add(storage);
        const extension = extensions[storage];
        const directory = isPlainObject(extension) && typeof extension.directory === 'string' ? extension.directory : FILE_STORAGE_DEFAULT;
        const problem = volumeProblem(plan, directory);
        if (!problem) continue;
        const directorySource = rawValueSource(topology, plan, ['extensions', storage, 'directory']);
        diagnostics.push(
          diagnose(
            queueStorageUndefined,
            topology,
            directorySource ? [collector.id] : source.elementIds,
            `\`${storage}\` of '${collector.id}' keeps the persistent queue of \`${id}\` in ${directory}, but ${problem}.`,
            {
              path: directorySource ? [...directorySource.path] : source.path,
              config: { collectorId: collector.id, path: ['extensions', storage, 'directory'] },
            },
          ),
        );
      }
    }
    return diagnostics;
  },
});
