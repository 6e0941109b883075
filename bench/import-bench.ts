/**
 * Import benchmark (`npm run bench:import`, issue 5 §4): a multi-document manifest set of about
 * 20,000 lines (ConfigMaps with collector configs, the DaemonSets and Deployments that mount them,
 * their Services) imported with `importFiles`, against `yaml` parsing the same text alone, in the
 * same process, each the fastest of 10 interleaved runs. Target: ratio ≤ 1.5. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { importFiles } from '../shared/import/import-files.js';
import { emitYaml } from '../shared/engine/yaml-emit.js';

/** One agent/gateway pair per namespace: agents export to their gateway's Service. */
function manifests(namespaces: number): string {
  const documents: unknown[] = [];
  for (let n = 0; n < namespaces; n++) {
    const namespace = `team-${n}`;
    const gatewayConfig = {
      receivers: { otlp: { protocols: { grpc: { endpoint: '${env:MY_POD_IP}:4317' }, http: { endpoint: '${env:MY_POD_IP}:4318' } } } },
      processors: { memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 25 }, batch: { timeout: '200ms', send_batch_size: 8192 } },
      exporters: { 'otlp_grpc/tempo': { endpoint: `tempo.${namespace}.svc:4317`, tls: { insecure: true } }, debug: { verbosity: 'basic' } },
      extensions: { health_check: { endpoint: '${env:MY_POD_IP}:13133' } },
      service: {
        extensions: ['health_check'],
        pipelines: {
          traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlp_grpc/tempo'] },
          metrics: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['debug'] },
        },
      },
    };
    const agentConfig = {
      receivers: { otlp: { protocols: { grpc: { endpoint: '${env:MY_POD_IP}:4317' } } } },
      processors: { memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 25 }, batch: {} },
      exporters: { 'otlp_grpc/gateway': { endpoint: `gateway.${namespace}.svc.cluster.local:4317`, tls: { insecure: true } } },
      service: { pipelines: { traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlp_grpc/gateway'] } } },
    };
    for (const [name, kind, config] of [['gateway', 'Deployment', gatewayConfig], ['agent', 'DaemonSet', agentConfig]] as const) {
      documents.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace }, data: { 'collector.yaml': emitYaml(config).text } });
      documents.push({
        apiVersion: 'apps/v1',
        kind,
        metadata: { name, namespace },
        spec: {
          ...(kind === 'Deployment' ? { replicas: 2 } : {}),
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: {
              containers: [
                {
                  name: 'otelcol',
                  image: 'otel/opentelemetry-collector-contrib:0.158.0',
                  args: ['--config=/conf/collector.yaml'],
                  resources: { limits: { cpu: '1', memory: '512Mi' } },
                  volumeMounts: [{ name: 'config', mountPath: '/conf' }],
                },
              ],
              volumes: [{ name: 'config', configMap: { name: `${name}-config` } }],
            },
          },
        },
      });
    }
    documents.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'gateway', namespace }, spec: { selector: { app: 'gateway' }, ports: [{ name: 'otlp-grpc', port: 4317 }] } });
  }
  return documents.map((document) => emitYaml(document).text).join('---\n');
}

/**
 * Fastest time of each run over `rounds` rounds, after one warm-up each. The runs alternate
 * within a round, so a busy machine slows both sides alike rather than whichever ran during it.
 */
function fastest(rounds: number, runs: ReadonlyArray<() => void>): number[] {
  for (const run of runs) run();
  const times = runs.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    runs.forEach((run, index) => {
      const start = performance.now();
      run();
      times[index] = Math.min(times[index]!, performance.now() - start);
    });
  }
  return times;
}

// Grow the set until it reaches 20,000 lines.
let namespaces = 10;
let text = manifests(namespaces);
while (text.split('\n').length < 20_000) text = manifests(++namespaces);
const lines = text.split('\n').length;

const files = [{ path: 'manifests.yaml', text }];
const check = importFiles(files);
const collectors = check.topology?.elements.filter((element) => element.kind === 'collector').length ?? 0;
const errors = check.report.problems.filter((problem) => problem.severity === 'error');
if (!check.topology || errors.length > 0) {
  console.error(errors.slice(0, 5));
  throw new Error('the benchmark set does not import');
}
const [importMs, parseMs] = fastest(10, [() => importFiles(files), () => parseAllDocuments(text)]) as [number, number];
console.log(
  JSON.stringify({
    lines,
    collectors,
    import_ms: Math.round(importMs * 10) / 10,
    yaml_parse_ms: Math.round(parseMs * 10) / 10,
    ratio: Math.round((importMs / parseMs) * 100) / 100,
  }),
);
