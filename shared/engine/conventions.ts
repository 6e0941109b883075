/** Names and numbers the generated files agree on: ports, paths, labels. */

export const OTLP_GRPC_PORT = 4317;
export const OTLP_HTTP_PORT = 4318;
export const HEALTH_CHECK_PORT = 13133;
export const HEALTH_CHECK_PATH = '/';
/** The collector's own metrics (service.telemetry), scraped by Prometheus. */
export const METRICS_PORT = 8888;

/** Where a pod's collector reads its config. */
export const CONFIG_DIRECTORY = '/conf';
export const CONFIG_FILE_NAME = 'collector.yaml';
/** Directory of the persistent sending queues (file_storage). */
export const FILE_STORAGE_DIRECTORY = '/var/lib/otelcol/file_storage';
export const FILE_STORAGE_EXTENSION = 'file_storage/queue';
/** TLS secrets are mounted at `<TLS_DIRECTORY>/<secret name>/` with the cert-manager file names. */
export const TLS_DIRECTORY = '/etc/otelcol/tls';
/** The host's root, mounted read-only for host_metrics. */
export const HOST_ROOT_MOUNT = '/hostfs';

export const POD_IP_ENV = 'MY_POD_IP';
export const NODE_NAME_ENV = 'K8S_NODE_NAME';
export const OPAMP_TOKEN_ENV = 'OPAMP_TOKEN';

export const PART_OF = 'otel-topology';

export function tlsFile(secret: string, file: 'ca.crt' | 'tls.crt' | 'tls.key'): string {
  return `${TLS_DIRECTORY}/${secret}/${file}`;
}

/** Labels every object of a collector carries; the selector uses the first two. */
export function collectorLabels(collectorId: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'opentelemetry-collector',
    'app.kubernetes.io/instance': collectorId,
    'app.kubernetes.io/part-of': PART_OF,
    'app.kubernetes.io/managed-by': 'otel-topology-designer',
  };
}

export function selectorLabels(collectorId: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'opentelemetry-collector',
    'app.kubernetes.io/instance': collectorId,
  };
}

export const headlessServiceName = (collectorId: string) => `${collectorId}-headless`;
export const externalServiceName = (collectorId: string) => `${collectorId}-external`;
export const configMapName = (collectorId: string) => `${collectorId}-config`;

/** `${env:NAME}`, the only form of environment reference the collector expands. */
export const envReference = (name: string) => `\${env:${name}}`;

const IMAGES: Record<string, string> = {
  contrib: 'otel/opentelemetry-collector-contrib',
  k8s: 'otel/opentelemetry-collector-k8s',
  core: 'otel/opentelemetry-collector',
};
/** Binary inside the image and on VMs (the deb/rpm packages install the same names). */
export const BINARIES: Record<string, string> = {
  contrib: 'otelcol-contrib',
  k8s: 'otelcol-k8s',
  core: 'otelcol',
};

export function collectorImage(distribution: string, version: string, repository?: string): string {
  return `${repository ?? IMAGES[distribution] ?? IMAGES.contrib}:${version}`;
}
