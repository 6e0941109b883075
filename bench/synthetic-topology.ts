/**
 * A large, valid topology for benchmarks and scale tests: `sites` sites across the four
 * providers, `clustersPerSite` clusters each, one gateway and `agentsPerCluster` agents per
 * cluster. Each site's first gateway is its hub; hubs of other sites send a copy to the first
 * site's hub over a ring of links.
 */
import type { Element, Topology } from '../shared/model/topology.js';
import { Topology as TopologySchema } from '../shared/model/topology.js';

const PROVIDERS = [
  { provider: 'aws', platform: 'eks', region: 'us-east-1', backend: { type: 'awsxray', region: 'us-east-1' } },
  { provider: 'azure', platform: 'aks', region: 'westeurope', backend: { type: 'azuremonitor', connectionString: { env: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secret: { name: 'azure-monitor', key: 'connection-string' } } } },
  { provider: 'gcp', platform: 'gke', region: 'europe-west1', backend: { type: 'googlecloud', project: 'bench' } },
  { provider: 'onprem', platform: 'kubernetes', region: 'dc', backend: { type: 'otlp', endpoint: 'tempo.tracing.svc.cluster.local:4317', insecure: true } },
] as const;

export function syntheticTopology({ sites = 20, clustersPerSite = 10, agentsPerCluster = 4 } = {}): Topology {
  const elements: Record<string, unknown>[] = [];
  const hubs: string[] = [];
  for (let s = 0; s < sites; s++) {
    const { provider, platform, region, backend } = PROVIDERS[s % PROVIDERS.length]!;
    const site = `site-${s}`;
    elements.push({ kind: 'site', id: site, provider, region: `${region}-${s}`, zone: 'global' });
    elements.push({ kind: 'backend', id: `backend-${s}`, site, ...backend });
    for (let c = 0; c < clustersPerSite; c++) {
      const cluster = `cluster-${s}-${c}`;
      const gateway = `gateway-${s}-${c}`;
      elements.push({ kind: 'cluster', id: cluster, site, platform });
      elements.push({
        kind: 'collector',
        id: gateway,
        cluster,
        role: 'gateway',
        replicas: 2,
        externalEndpoint: `${gateway}.example.internal:4317`,
        tls: { certSecret: 'gateway-tls' },
      });
      for (let a = 0; a < agentsPerCluster; a++) {
        const agent = `agent-${s}-${c}-${a}`;
        elements.push({
          kind: 'collector',
          id: agent,
          cluster,
          role: 'agent',
          processors: [{ type: 'memory_limiter' }, { type: 'k8s_attributes' }, { type: 'resource_detection' }, { type: 'batch' }],
        });
        elements.push({ kind: 'flow', id: `${agent}-out`, from: agent, to: gateway, signals: ['traces', 'metrics', 'logs'], tls: { mode: 'tls' } });
      }
      if (c === 0) {
        hubs.push(gateway);
        const backendSignals = backend.type === 'awsxray' ? ['traces'] : ['traces', 'metrics', 'logs'];
        elements.push({ kind: 'flow', id: `${gateway}-local`, from: gateway, to: `backend-${s}`, signals: backendSignals });
      } else {
        elements.push({ kind: 'flow', id: `${gateway}-to-hub`, from: gateway, to: `gateway-${s}-0`, signals: ['traces', 'metrics', 'logs'], tls: { mode: 'tls' } });
      }
    }
    if (s > 0) {
      elements.push({ kind: 'link', id: `link-${s}`, from: `site-${s - 1}`, to: site, type: 'vpn-ipsec' });
      elements.push({
        kind: 'flow',
        id: `hub-${s}-to-central`,
        from: `gateway-${s}-0`,
        to: 'gateway-0-0',
        signals: ['traces'],
        tls: { mode: 'tls' },
        queue: { type: 'persistent', size: 5000 },
      });
    }
  }
  elements.push({ kind: 'link', id: 'link-ring', from: `site-${sites - 1}`, to: 'site-0', type: 'vpn-ipsec' });
  return TopologySchema.parse({ schemaVersion: 1, name: 'synthetic', elements: elements as Element[] });
}
