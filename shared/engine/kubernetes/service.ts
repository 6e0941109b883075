import type { Cluster } from '../../model/cluster.js';
import type { Provider } from '../../model/site.js';
import { externalServiceName, headlessServiceName, selectorLabels } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';

type Plain = Record<string, unknown>;

function servicePorts(plan: CollectorPlan): Plain[] {
  return plan.ports.map((port) => ({ name: port.name, port: port.port, targetPort: port.name, protocol: 'TCP' }));
}

/**
 * The collector's ClusterIP Service, where it has OTLP ports. An agent's sets
 * `internalTrafficPolicy: Local`: applications reach the agent on their own node, which is what
 * an agent is for (and it keeps the k8s_attributes connection IP the sender's).
 */
export function serviceObject(cluster: Cluster, plan: CollectorPlan): KubernetesObject | undefined {
  if (plan.ports.length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: collectorMeta(plan, plan.collector.id, cluster.namespace),
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(plan.collector.id),
      ports: servicePorts(plan),
      ...(plan.context.mode === 'daemonset' ? { internalTrafficPolicy: 'Local' } : {}),
    },
  };
}

/**
 * A headless Service lists every pod's address: what the load_balancing exporter's resolvers and
 * gRPC's round_robin balance over, and what a StatefulSet names its pods after.
 */
export function headlessServiceObject(cluster: Cluster, plan: CollectorPlan): KubernetesObject | undefined {
  if (plan.ports.length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: collectorMeta(plan, headlessServiceName(plan.collector.id), cluster.namespace),
    spec: { clusterIP: 'None', selector: selectorLabels(plan.collector.id), ports: servicePorts(plan) },
  };
}

/** The cloud whose load balancer fronts the cluster's Services. */
export function loadBalancerProvider(cluster: Cluster, siteProvider: Provider | undefined): Provider | undefined {
  switch (cluster.platform) {
    case 'eks': return 'aws';
    case 'aks': return 'azure';
    case 'gke': return 'gcp';
    default: return siteProvider;
  }
}

/** Annotations that make a LoadBalancer Service internal to the cloud network. */
export function internalLoadBalancerAnnotations(provider: Provider | undefined): Record<string, string> {
  switch (provider) {
    case 'aws':
      // The AWS Load Balancer Controller: an internal NLB sending straight to pod IPs, keeping the
      // client's address so the NetworkPolicy's CIDRs apply.
      return {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
        'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true',
      };
    case 'azure':
      return { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' };
    case 'gcp':
      // Senders in other sites are usually in other regions: an internal LB is regional unless
      // global access is on.
      return {
        'networking.gke.io/load-balancer-type': 'Internal',
        'networking.gke.io/internal-load-balancer-allow-global-access': 'true',
      };
    default:
      return {};
  }
}

/** The host other sites dial, as the config engine writes it: `externalEndpoint` or `<id>.<cluster>.otel.internal`. */
export function externalHostname(plan: CollectorPlan): string | undefined {
  const endpoint = plan.collector.externalEndpoint ?? `${plan.collector.id}.${plan.collector.cluster}.otel.internal`;
  const host = endpoint.replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, '');
  const isName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host) && !/^[\d.]+$/.test(host);
  return isName ? host : undefined;
}

/**
 * An internal load balancer for flows from other clusters. `externalTrafficPolicy: Local` keeps
 * the sender's source address (so the NetworkPolicy can allow its site's CIDRs); the external-dns
 * annotation publishes the name the senders' configs use, where external-dns runs.
 */
export function externalServiceObject(cluster: Cluster, plan: CollectorPlan, siteProvider: Provider | undefined): KubernetesObject | undefined {
  if (plan.ports.length === 0) return undefined;
  const hostname = externalHostname(plan);
  const annotations = {
    ...internalLoadBalancerAnnotations(loadBalancerProvider(cluster, siteProvider)),
    ...(hostname ? { 'external-dns.alpha.kubernetes.io/hostname': hostname } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: collectorMeta(plan, externalServiceName(plan.collector.id), cluster.namespace, annotations),
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      selector: selectorLabels(plan.collector.id),
      ports: servicePorts(plan),
    },
  };
}
