/**
 * The inspector's hand-tuned fields for each element kind: the common ones, with their labels, as
 * data. A key is a path in the element (`tls.mode` is `mode` inside `tls`).
 */
import { BACKEND_TYPES } from '../../shared/model/backend.js';
import { Platform } from '../../shared/model/cluster.js';
import { CollectorRole, DeploymentMode, Distribution } from '../../shared/model/collector.js';
import { LinkType } from '../../shared/model/link.js';
import { Provider } from '../../shared/model/site.js';
import { SIGNALS } from '../../shared/model/common.js';
import type { ElementKind, Topology } from '../../shared/model/topology.js';
import type { ValueForm } from './inspector/form-schema.js';

export type FieldSpec =
  | { key: string; label: string; type: 'text'; optional?: boolean; readOnly?: boolean }
  | { key: string; label: string; type: 'number'; optional?: boolean; min?: number }
  | { key: string; label: string; type: 'select'; options: (topology: Topology) => readonly string[]; optional?: boolean }
  | { key: string; label: string; type: 'signals' }
  | { key: string; label: string; type: 'boolean'; optional?: boolean };

const idsOf = (kind: ElementKind) => (topology: Topology) => topology.elements.filter((element) => element.kind === kind).map((element) => element.id);
const fixed = (values: readonly string[]) => () => values;

const common: FieldSpec[] = [
  { key: 'id', label: 'Id', type: 'text' },
  { key: 'label', label: 'Label', type: 'text', optional: true },
];

export const INSPECTOR_FIELDS: Record<ElementKind, readonly FieldSpec[]> = {
  site: [
    ...common,
    { key: 'provider', label: 'Provider', type: 'select', options: fixed(Provider.options) },
    { key: 'region', label: 'Region', type: 'text' },
    { key: 'zone', label: 'Residency zone', type: 'text', optional: true },
  ],
  cluster: [
    ...common,
    { key: 'site', label: 'Site', type: 'select', options: idsOf('site') },
    { key: 'platform', label: 'Platform', type: 'select', options: fixed(Platform.options) },
    { key: 'namespace', label: 'Namespace', type: 'text' },
    { key: 'environment', label: 'Environment', type: 'text' },
    { key: 'gcpProject', label: 'GCP project', type: 'text', optional: true },
  ],
  collector: [
    ...common,
    { key: 'cluster', label: 'Cluster', type: 'select', options: idsOf('cluster') },
    { key: 'role', label: 'Role', type: 'select', options: fixed(CollectorRole.options) },
    { key: 'mode', label: 'Mode', type: 'select', options: fixed(['auto', ...DeploymentMode.options]) },
    { key: 'replicas', label: 'Replicas', type: 'number', optional: true, min: 1 },
    { key: 'version', label: 'Version', type: 'text', optional: true },
    { key: 'distribution', label: 'Distribution', type: 'select', options: fixed(Distribution.options), optional: true },
    { key: 'externalEndpoint', label: 'External endpoint', type: 'text', optional: true },
    { key: 'controlPlane', label: 'Control plane', type: 'select', options: idsOf('controlPlane'), optional: true },
  ],
  backend: [
    ...common,
    { key: 'type', label: 'Type', type: 'select', options: fixed(BACKEND_TYPES) },
    { key: 'site', label: 'Site', type: 'select', options: idsOf('site'), optional: true },
    { key: 'endpoint', label: 'Endpoint', type: 'text' },
    { key: 'region', label: 'Region', type: 'text' },
    { key: 'project', label: 'Project', type: 'text' },
    { key: 'namespace', label: 'Namespace', type: 'text' },
    { key: 'bucket', label: 'Bucket', type: 'text' },
    { key: 'logGroupName', label: 'Log group', type: 'text' },
    { key: 'path', label: 'Path', type: 'text' },
  ],
  controlPlane: [
    ...common,
    { key: 'endpoint', label: 'Endpoint', type: 'text' },
    { key: 'site', label: 'Site', type: 'select', options: idsOf('site'), optional: true },
    { key: 'acceptsRemoteConfig', label: 'Accepts remote config', type: 'boolean' },
  ],
  flow: [
    ...common,
    { key: 'from', label: 'From', type: 'text', readOnly: true },
    { key: 'to', label: 'To', type: 'text', readOnly: true },
    { key: 'signals', label: 'Signals', type: 'signals' },
    { key: 'protocol', label: 'Protocol', type: 'select', options: fixed(['grpc', 'http']) },
    { key: 'compression', label: 'Compression', type: 'select', options: fixed(['gzip', 'zstd', 'snappy', 'none']) },
    { key: 'tls.mode', label: 'TLS', type: 'select', options: fixed(['none', 'tls', 'mtls']) },
    { key: 'failoverPriority', label: 'Failover priority', type: 'number', optional: true, min: 1 },
  ],
  link: [
    ...common,
    { key: 'from', label: 'From', type: 'text', readOnly: true },
    { key: 'to', label: 'To', type: 'text', readOnly: true },
    { key: 'type', label: 'Type', type: 'select', options: fixed(LinkType.options) },
    { key: 'bandwidthMbps', label: 'Bandwidth (Mbps)', type: 'number', optional: true, min: 1 },
    { key: 'latencyMs', label: 'Latency (ms)', type: 'number', optional: true, min: 0 },
    { key: 'encrypted', label: 'Encrypted', type: 'boolean', optional: true },
  ],
};

/**
 * The hand-tuned fields shown for an element, first and in this order; the schema-driven form
 * shows every other property below them. A field shows where the element's variant has it (a
 * backend's `bucket` only on S3).
 */
export function fieldsFor(kind: ElementKind, properties: ReadonlySet<string>): readonly FieldSpec[] {
  return INSPECTOR_FIELDS[kind].filter((field) => properties.has(field.key.split('.')[0]!));
}

/**
 * The control a hand-tuned field gets: the schema's (bounds, integer or not), except that a
 * reference to another element offers the ids of the topology.
 */
export function fieldForm(field: FieldSpec, topology: Topology, schema: ValueForm | undefined): ValueForm {
  if (field.type === 'select') return { control: 'select', options: field.options(topology) };
  if (schema && schema.control !== 'unsupported') return schema;
  switch (field.type) {
    case 'text':
      return { control: 'text' };
    case 'number':
      return { control: 'number', integer: true, ...(field.min !== undefined ? { min: field.min } : {}) };
    case 'signals':
      return { control: 'checkboxes', options: SIGNALS, minItems: 1 };
    case 'boolean':
      return { control: 'boolean' };
  }
}
