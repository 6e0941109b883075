import { resolvedReplicas, type TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import { textFile, yamlFile, type GeneratedFile } from '../bundle.js';
import { isCrossSite } from '../collector/context.js';
import { HEALTH_CHECK_PATH, OTLP_GRPC_PORT, OTLP_HTTP_PORT, TLS_DIRECTORY } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { parseCpu } from '../quantities.js';
import { bullets, clusterRegion, secretEnv, tlsFilesBySecret, type SecretEnv } from './target-common.js';

/**
 * The collector reads its whole configuration from this variable (`--config=env:OTELCOL_CONFIG`).
 *
 * Cloud Run has no ConfigMaps. The two other ways to hand it a file are a Secret Manager volume
 * (the config then lives outside the manifest: a `gcloud secrets versions add` before every
 * deploy, and a revision that silently picks up whatever version is `latest`) or a custom image.
 * An environment variable keeps the config inside the Service, so one `gcloud run services
 * replace` applies config and runtime together, every config change is a new revision, and a
 * rollback to an older revision brings its config back. The limits: Cloud Run caps the size of
 * a variable (tens of KB, far above a collector config), and the text must not rely on
 * Kubernetes `$(VAR)` expansion — the engine only writes `${env:VAR}`, which the collector
 * expands itself after reading the variable.
 */
export const CONFIG_ENV = 'OTELCOL_CONFIG';

/** Cloud Run routes one port per service: HTTP/2 cleartext for gRPC, HTTP/1 otherwise. */
export interface IngressPort {
  readonly name: 'h2c' | 'http1';
  readonly containerPort: number;
}

/**
 * The one port Cloud Run exposes: OTLP/gRPC (`h2c`, end-to-end HTTP/2) when a flow arrives over
 * gRPC, OTLP/HTTP otherwise; the health port keeps a receiver-less collector deployable.
 */
export function ingressPort(plan: CollectorPlan): IngressPort {
  const has = (port: number) => plan.ports.some((entry) => entry.port === port);
  const grpcArrives = plan.context.incoming.some((flow) => flow.protocol === 'grpc');
  if (grpcArrives && has(OTLP_GRPC_PORT)) return { name: 'h2c', containerPort: OTLP_GRPC_PORT };
  if (has(OTLP_HTTP_PORT)) return { name: 'http1', containerPort: OTLP_HTTP_PORT };
  if (has(OTLP_GRPC_PORT)) return { name: 'h2c', containerPort: OTLP_GRPC_PORT };
  return { name: 'http1', containerPort: plan.healthPort ?? OTLP_HTTP_PORT };
}

/**
 * A CPU limit Cloud Run accepts. With CPU always allocated (`cpu-throttling: "false"`) it must be
 * at least one vCPU, and above one only 2, 4, 6 or 8.
 */
export function cloudRunCpu(limit: string | undefined): string {
  const cores = limit === undefined ? undefined : parseCpu(limit);
  const allowed = [1, 2, 4, 6, 8];
  return String(allowed.find((size) => cores === undefined || size >= cores) ?? 8);
}

/**
 * Secret Manager holds one value per secret (versions, no keys), so the model's Kubernetes-style
 * `{ name, key }` becomes the secret `<name>-<key>`.
 */
export function secretManagerName(secret: { readonly name: string; readonly key: string }): string {
  return `${secret.name}-${secret.key}`.replace(/[^A-Za-z0-9_-]+/g, '-');
}

const sanitizeVolumeName = (text: string) => text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');

/** Receivers of other sites reach a Cloud Run service only through its public ingress. */
function ingressSetting(index: TopologyIndex, plan: CollectorPlan): 'all' | 'internal' {
  return plan.context.incoming.some((flow) => isCrossSite(index, flow)) ? 'all' : 'internal';
}

/** TLS secrets Cloud Run can mount: one file each (a Secret Manager volume is one secret). */
function tlsVolumes(plan: CollectorPlan): {
  volumes: Record<string, unknown>[];
  mounts: Record<string, unknown>[];
  unmountable: string[];
} {
  const volumes: Record<string, unknown>[] = [];
  const mounts: Record<string, unknown>[] = [];
  const unmountable: string[] = [];
  for (const [secret, files] of tlsFilesBySecret(plan)) {
    if (files.length === 0) continue; // Listed by the plan, read by nothing in the config.
    if (files.length !== 1) {
      unmountable.push(secret);
      continue;
    }
    const file = files[0]!;
    const name = sanitizeVolumeName(`tls-${secret}`);
    volumes.push({ name, secret: { secretName: secretManagerName({ name: secret, key: file }), items: [{ key: 'latest', path: file }] } });
    mounts.push({ name, mountPath: `${TLS_DIRECTORY}/${secret}`, readOnly: true });
  }
  return { volumes, mounts, unmountable };
}

function envEntries(plan: CollectorPlan): Record<string, unknown>[] {
  return [
    { name: CONFIG_ENV, value: plan.configText },
    ...plan.env.flatMap((variable): Record<string, unknown>[] => {
      if ('value' in variable) return [{ name: variable.name, value: variable.value }];
      if ('secret' in variable) {
        // Cloud Run reads `key` as the Secret Manager version.
        return [{ name: variable.name, valueFrom: { secretKeyRef: { name: secretManagerName(variable.secret), key: 'latest' } } }];
      }
      return []; // Downward-API fields do not exist outside Kubernetes.
    }),
  ];
}

/** The Knative Service `gcloud run services replace` takes. */
export function knativeService(index: TopologyIndex, cluster: Cluster, plan: CollectorPlan): Record<string, unknown> {
  const collector = plan.collector;
  const minScale = collector.autoscaling?.minReplicas ?? resolvedReplicas(collector);
  const maxScale = collector.autoscaling?.maxReplicas ?? minScale;
  const limits = collector.resources.limits;
  const port = ingressPort(plan);
  const tls = tlsVolumes(plan);
  const probe = (periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path: HEALTH_CHECK_PATH, port: plan.healthPort },
    periodSeconds,
    timeoutSeconds: 3,
    failureThreshold,
  });
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: {
      name: collector.id,
      // Cloud Run's namespace is the project (id or number); gcloud fills in its own where absent.
      ...(cluster.gcpProject ? { namespace: cluster.gcpProject } : {}),
      annotations: { 'run.googleapis.com/ingress': ingressSetting(index, plan) },
    },
    spec: {
      template: {
        metadata: {
          annotations: {
            'autoscaling.knative.dev/minScale': String(minScale),
            'autoscaling.knative.dev/maxScale': String(maxScale),
            // Exporters batch, retry and drain queues between requests: CPU must stay allocated.
            'run.googleapis.com/cpu-throttling': 'false',
          },
        },
        spec: {
          ...(cluster.identity?.gcpServiceAccount ? { serviceAccountName: cluster.identity.gcpServiceAccount } : {}),
          containers: [
            {
              name: 'otel-collector',
              image: plan.image,
              args: [`--config=env:${CONFIG_ENV}`],
              ports: [port],
              env: envEntries(plan),
              resources: { limits: { cpu: cloudRunCpu(limits.cpu), ...(limits.memory ? { memory: limits.memory } : {}) } },
              ...(tls.mounts.length > 0 ? { volumeMounts: tls.mounts } : {}),
              ...(plan.healthPort !== undefined
                ? { startupProbe: probe(5, 24), livenessProbe: probe(30, 3) }
                : {}),
            },
          ],
          ...(tls.volumes.length > 0 ? { volumes: tls.volumes } : {}),
        },
      },
    },
  };
}

function deployReadme(index: TopologyIndex, cluster: Cluster, plan: CollectorPlan): string {
  const id = plan.collector.id;
  const region = clusterRegion(index, cluster);
  const port = ingressPort(plan);
  const flags = [...(region ? [`--region=${region}`] : []), ...(cluster.gcpProject ? [`--project=${cluster.gcpProject}`] : [])];
  const secrets: SecretEnv[] = secretEnv(plan);
  const tls = tlsVolumes(plan);
  const tlsFiles = tlsFilesBySecret(plan);
  const secretLines = [
    ...secrets.map((variable) => `\`${secretManagerName(variable.secret)}\` → \`${variable.name}\` (Kubernetes secret \`${variable.secret.name}\`, key \`${variable.secret.key}\`)`),
    ...[...tlsFiles]
      .filter(([secret, files]) => files.length === 1 && !tls.unmountable.includes(secret))
      .map(([secret, files]) => `\`${secretManagerName({ name: secret, key: files[0]! })}\` → file \`${TLS_DIRECTORY}/${secret}/${files[0]}\``),
  ];
  const unreachable = plan.context.incoming
    .filter((flow) => (port.name === 'h2c' ? flow.protocol !== 'grpc' : flow.protocol !== 'http'))
    .map((flow) => `flow \`${flow.id}\` arrives over ${flow.protocol}, but the service only exposes ${port.name} on ${port.containerPort}`);
  const attention = [
    ...unreachable,
    ...tls.unmountable.map(
      (secret) => `TLS secret \`${secret}\` needs several files in one directory (${(tlsFiles.get(secret) ?? []).join(', ')}); a Secret Manager volume holds one: mount it yourself or bake it into the image`,
    ),
    ...(plan.collector.tls ? ['Cloud Run terminates TLS in front of the container: the receiver must listen in plain text (drop `tls` on this collector)'] : []),
    ...plan.unsourcedEnv.map((name) => `\`${name}\` is read by the config but nothing fills it: add it to the service`),
  ];
  const account = cluster.identity?.gcpServiceAccount;
  return `# Cloud Run collector \`${id}\`

- \`service.yaml\`: the Knative Service; its \`${CONFIG_ENV}\` variable carries the collector config.
- \`collector.yaml\`: the same config as a plain file, to read or run locally.

## Before the first deploy

Secret Manager secrets the service reads (create each, then grant \`roles/secretmanager.secretAccessor\` to ${account ? `\`${account}\`` : 'the service account'}):

${bullets(secretLines, 'None.')}
${account ? '' : 'No service account is set on the cluster (`identity.gcpServiceAccount`): the revision runs as the default compute account.\n'}
## Deploy

\`\`\`sh
gcloud run services replace ${id}/service.yaml${flags.length > 0 ? ' ' + flags.join(' ') : ''}
\`\`\`

Senders reach it at \`https://<service URL>:443\` (Cloud Run terminates TLS) over ${port.name === 'h2c' ? 'OTLP/gRPC' : 'OTLP/HTTP'}. Cloud Run checks IAM on every request: give the senders \`roles/run.invoker\`, or allow unauthenticated calls on purpose.

## Needs attention

${bullets(attention, 'Nothing.')}`;
}

/** Cloud Run: a Knative Service per collector. Paths are relative to the cluster's folder. */
export function cloudRunFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  return plans.flatMap((plan) => {
    const id = plan.collector.id;
    const extra = { clusterId: cluster.id, collectorId: id };
    return [
      yamlFile(`${id}/service.yaml`, knativeService(index, cluster, plan), id, extra),
      { path: `${id}/collector.yaml`, content: plan.configText, regions: plan.configRegions, ...extra },
      textFile(`${id}/README.md`, deployReadme(index, cluster, plan), extra),
    ];
  });
}
