import { describe, expect, it } from 'vitest';
import { agent, cluster, flow, gateway, site, topology, planFor } from '../../testing/builders.js';
import { externalHostname, externalServiceObject, headlessServiceObject, internalLoadBalancerAnnotations, loadBalancerProvider, serviceObject } from './service.js';

const eks = cluster('eks', 'aws');
const selector = (id: string) => ({ 'app.kubernetes.io/name': 'opentelemetry-collector', 'app.kubernetes.io/instance': id });
const otlpPorts = [
  { name: 'otlp-grpc', port: 4317, targetPort: 'otlp-grpc', protocol: 'TCP' },
  { name: 'otlp-http', port: 4318, targetPort: 'otlp-http', protocol: 'TCP' },
];

describe('serviceObject', () => {
  it('GIVEN a gateway WHEN generated THEN a ClusterIP Service exposes its OTLP ports', () => {
    const plan = planFor(topology([site('aws'), eks, gateway('gw', 'eks')]), 'gw');
    expect(serviceObject(eks, plan)?.spec).toStrictEqual({ type: 'ClusterIP', selector: selector('gw'), ports: otlpPorts });
  });

  it('GIVEN an agent WHEN generated THEN its Service keeps traffic on the node', () => {
    const plan = planFor(topology([site('aws'), eks, agent('agent', 'eks')]), 'agent');
    expect(serviceObject(eks, plan)?.spec).toStrictEqual({ type: 'ClusterIP', selector: selector('agent'), ports: otlpPorts, internalTrafficPolicy: 'Local' });
  });

  it('GIVEN a collector without OTLP receivers WHEN generated THEN there is no Service (one without ports is invalid)', () => {
    const plan = planFor(topology([site('aws'), eks, gateway('gw', 'eks', { receivers: [{ type: 'k8s_cluster' }] })]), 'gw');
    expect(serviceObject(eks, plan)).toBeUndefined();
    expect(headlessServiceObject(eks, plan)).toBeUndefined();
  });
});

describe('headlessServiceObject', () => {
  it('GIVEN a collector WHEN generated THEN `<id>-headless` has no cluster IP', () => {
    const plan = planFor(topology([site('aws'), eks, gateway('gw', 'eks')]), 'gw');
    const service = headlessServiceObject(eks, plan)!;
    expect(service.metadata.name).toBe('gw-headless');
    expect(service.spec).toStrictEqual({ clusterIP: 'None', selector: selector('gw'), ports: otlpPorts });
  });
});

describe('externalServiceObject', () => {
  it('GIVEN an EKS gateway that receives from another cluster WHEN generated THEN an internal NLB Service with the DNS name exists', () => {
    const model = topology([
      site('aws'),
      site('dc', { provider: 'onprem' }),
      eks,
      cluster('dc-k8s', 'dc', { platform: 'kubernetes' }),
      gateway('gw', 'eks'),
      agent('agent', 'dc-k8s'),
      flow('in', 'agent', 'gw'),
    ]);
    expect(externalServiceObject(eks, planFor(model, 'gw'), 'aws')).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'gw-external',
        namespace: 'observability',
        labels: {
          'app.kubernetes.io/name': 'opentelemetry-collector',
          'app.kubernetes.io/instance': 'gw',
          'app.kubernetes.io/part-of': 'otel-topology',
          'app.kubernetes.io/managed-by': 'otel-topology-designer',
          'app.kubernetes.io/component': 'gateway',
        },
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
          'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true',
          'external-dns.alpha.kubernetes.io/hostname': 'gw.eks.otel.internal',
        },
      },
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: selector('gw'), ports: otlpPorts },
    });
  });
});

describe('internal load balancers per provider', () => {
  it('GIVEN each platform WHEN mapped THEN the provider and its internal annotation follow', () => {
    expect(loadBalancerProvider(cluster('a', 's', { platform: 'aks' }), undefined)).toBe('azure');
    expect(loadBalancerProvider(cluster('g', 's', { platform: 'gke' }), 'aws')).toBe('gcp');
    expect(loadBalancerProvider(cluster('k', 's', { platform: 'kubernetes' }), 'azure')).toBe('azure');
    expect(internalLoadBalancerAnnotations('azure')).toStrictEqual({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' });
    expect(internalLoadBalancerAnnotations('gcp')).toStrictEqual({
      'networking.gke.io/load-balancer-type': 'Internal',
      'networking.gke.io/internal-load-balancer-allow-global-access': 'true',
    });
    expect(internalLoadBalancerAnnotations('onprem')).toStrictEqual({});
  });

  it('GIVEN an explicit endpoint WHEN the DNS name is derived THEN scheme and port are dropped, and IPs get none', () => {
    const model = (endpoint: string) => planFor(topology([site('aws'), eks, gateway('gw', 'eks', { externalEndpoint: endpoint })]), 'gw');
    expect(externalHostname(model('https://otel.example.com:4318'))).toBe('otel.example.com');
    expect(externalHostname(model('10.0.0.5:4317'))).toBeUndefined();
  });
});
