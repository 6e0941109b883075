/**
 * What the palette offers: one item per thing a user can drop on the canvas, grouped by
 * category. Each item knows the element it creates (before defaults: the YAML stays short).
 */
import type { BackendType } from '../../shared/model/backend.js';
import type { Platform } from '../../shared/model/cluster.js';
import type { Provider } from '../../shared/model/site.js';

export type PaletteCategory = 'Sites' | 'Clusters' | 'Collectors' | 'Backends' | 'Control plane';
export const PALETTE_CATEGORIES: readonly PaletteCategory[] = ['Sites', 'Clusters', 'Collectors', 'Backends', 'Control plane'];

/** The element kinds an item creates and the frame it must be dropped into. */
export type PaletteKind = 'site' | 'cluster' | 'collector' | 'backend' | 'controlPlane';

export interface PaletteItem {
  /** Stable, what `dataTransfer` carries: `site:aws`, `cluster:eks`, `collector:agent`... */
  readonly id: string;
  readonly kind: PaletteKind;
  readonly category: PaletteCategory;
  readonly label: string;
  /** Words the search box matches besides the label. */
  readonly keywords: string;
  /** Where it must be dropped, if anywhere in particular. */
  readonly parent?: 'site' | 'cluster';
  /** The first part of new ids (`aws-site`, `eks`, `gateway`...). */
  readonly idBase: string;
  /** Fields of the new element besides kind, id and its parent reference. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The MIME type palette drags carry, so the canvas ignores other drops. */
export const PALETTE_MIME = 'application/x-otel-topology-palette';

const DEFAULT_REGION: Record<Provider, string> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1', onprem: 'dc-1' };
const PROVIDER_LABEL: Record<Provider, string> = { aws: 'AWS region', azure: 'Azure region', gcp: 'GCP region', onprem: 'On-premises data centre' };

const PLATFORM_LABEL: Record<Platform, string> = {
  eks: 'EKS cluster',
  aks: 'AKS cluster',
  gke: 'GKE cluster',
  kubernetes: 'Kubernetes cluster',
  cloudrun: 'Cloud Run',
  lambda: 'AWS Lambda',
  vm: 'Virtual machines',
};

const BACKENDS: ReadonlyArray<{ type: BackendType; label: string; fields: Record<string, unknown> }> = [
  { type: 'otlp', label: 'OTLP gRPC (Tempo, Jaeger, vendor)', fields: { endpoint: 'tempo-distributor.tracing.svc.cluster.local:4317' } },
  { type: 'otlphttp', label: 'OTLP HTTP', fields: { endpoint: 'https://otlp.example.com' } },
  { type: 'prometheusremotewrite', label: 'Prometheus remote write', fields: { endpoint: 'https://prometheus.example.com/api/v1/write' } },
  { type: 'awsxray', label: 'AWS X-Ray', fields: { region: 'us-east-1' } },
  { type: 'awsemf', label: 'CloudWatch metrics (EMF)', fields: { region: 'us-east-1', namespace: 'OTel' } },
  { type: 'awscloudwatchlogs', label: 'CloudWatch Logs', fields: { region: 'us-east-1', logGroupName: '/otel/logs' } },
  { type: 'awss3', label: 'S3 archive', fields: { region: 'us-east-1', bucket: 'otel-archive' } },
  { type: 'azuremonitor', label: 'Azure Monitor', fields: { connectionString: { env: 'APPLICATIONINSIGHTS_CONNECTION_STRING' } } },
  { type: 'googlecloud', label: 'Google Cloud (traces, logs)', fields: { project: 'my-project' } },
  { type: 'googlemanagedprometheus', label: 'Google Managed Prometheus', fields: { project: 'my-project' } },
  { type: 'file', label: 'File', fields: { path: '/var/lib/otel/export.json' } },
  { type: 'debug', label: 'Debug', fields: {} },
];

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  ...(Object.keys(DEFAULT_REGION) as Provider[]).map((provider): PaletteItem => ({
    id: `site:${provider}`,
    kind: 'site',
    category: 'Sites',
    label: PROVIDER_LABEL[provider],
    keywords: `site ${provider} region cloud datacenter`,
    idBase: `${provider}-${DEFAULT_REGION[provider]}`,
    fields: { provider, region: DEFAULT_REGION[provider] },
  })),
  ...(Object.keys(PLATFORM_LABEL) as Platform[]).map((platform): PaletteItem => ({
    id: `cluster:${platform}`,
    kind: 'cluster',
    category: 'Clusters',
    label: PLATFORM_LABEL[platform],
    keywords: `cluster platform ${platform}`,
    parent: 'site',
    idBase: platform,
    fields: { platform },
  })),
  ...(['agent', 'gateway'] as const).map((role): PaletteItem => ({
    id: `collector:${role}`,
    kind: 'collector',
    category: 'Collectors',
    label: role === 'agent' ? 'Agent collector' : 'Gateway collector',
    keywords: `collector otelcol ${role}`,
    parent: 'cluster',
    idBase: role,
    fields: { role },
  })),
  ...BACKENDS.map(({ type, label, fields }): PaletteItem => ({
    id: `backend:${type}`,
    kind: 'backend',
    category: 'Backends',
    label,
    keywords: `backend exporter ${type}`,
    idBase: type,
    fields: { type, ...fields },
  })),
  {
    id: 'controlPlane:opamp',
    kind: 'controlPlane',
    category: 'Control plane',
    label: 'OpAMP server',
    keywords: 'opamp control plane fleet remote config',
    idBase: 'opamp',
    fields: { endpoint: 'wss://opamp.example.com/v1/opamp' },
  },
];

export function paletteItem(id: string): PaletteItem | undefined {
  return PALETTE_ITEMS.find((item) => item.id === id);
}

/** Items whose label or keywords contain every word of `query`. */
export function searchPalette(query: string, items: readonly PaletteItem[] = PALETTE_ITEMS): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const haystack = `${item.label} ${item.keywords}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** A DNS-1123 label made of `text`: lower case, digits and dashes, at most 63 characters. */
export function toDnsLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return label === '' ? 'element' : /^[a-z]/.test(label) ? label : `e-${label}`.slice(0, 63);
}
