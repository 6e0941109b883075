/**
 * Builders for test topologies: each takes the fields that matter to a test and fills the rest
 * with the model's defaults, through the same schema a file is read with.
 */
import type { z } from 'zod';
import { Backend } from '../model/backend.js';
import { Cluster } from '../model/cluster.js';
import { Collector } from '../model/collector.js';
import { ControlPlane } from '../model/control-plane.js';
import { Flow } from '../model/flow.js';
import { Link } from '../model/link.js';
import { Site } from '../model/site.js';
import { Topology, type Element } from '../model/topology.js';
import { indexTopology } from '../graph/topology-index.js';
import { planCollector, type CollectorPlan } from '../engine/plan.js';

type In<S extends z.ZodType> = Partial<z.input<S>>;

export function site(id: string, fields: In<typeof Site> = {}) {
  return Site.parse({ kind: 'site', id, provider: 'aws', region: 'us-east-1', ...fields });
}

export function cluster(id: string, siteId: string, fields: In<typeof Cluster> = {}) {
  return Cluster.parse({ kind: 'cluster', id, site: siteId, platform: 'eks', ...fields });
}

export function agent(id: string, clusterId: string, fields: In<typeof Collector> = {}) {
  return Collector.parse({ kind: 'collector', id, cluster: clusterId, role: 'agent', ...fields });
}

export function gateway(id: string, clusterId: string, fields: In<typeof Collector> = {}) {
  return Collector.parse({ kind: 'collector', id, cluster: clusterId, role: 'gateway', replicas: 2, ...fields });
}

export function backend(id: string, fields: Record<string, unknown> = { type: 'debug' }) {
  return Backend.parse({ kind: 'backend', id, ...fields });
}

export function flow(id: string, from: string, to: string, fields: In<typeof Flow> = {}) {
  return Flow.parse({ kind: 'flow', id, from, to, signals: ['traces'], ...fields });
}

export function link(id: string, from: string, to: string, fields: In<typeof Link> = {}) {
  return Link.parse({ kind: 'link', id, from, to, type: 'vpn-ipsec', ...fields });
}

export function controlPlane(id: string, fields: In<typeof ControlPlane> = {}) {
  return ControlPlane.parse({ kind: 'controlPlane', id, endpoint: 'wss://opamp.example.com/v1/opamp', ...fields });
}

export function topology(elements: Element[], fields: Partial<z.input<typeof Topology>> = {}): Topology {
  return Topology.parse({ schemaVersion: 1, name: 'test', ...fields, elements });
}

/**
 * The smallest useful design: one EKS cluster with an agent DaemonSet sending traces to a
 * two-replica gateway, which exports to a debug backend.
 */
export function agentToGateway(): Topology {
  return topology([
    site('aws-use1'),
    cluster('eks-prod', 'aws-use1'),
    agent('agent', 'eks-prod'),
    gateway('gateway', 'eks-prod'),
    backend('debug'),
    flow('agent-to-gateway', 'agent', 'gateway'),
    flow('gateway-to-debug', 'gateway', 'debug'),
  ]);
}

/** The engine's plan of one collector of a test topology. */
export function planFor(model: Topology, collectorId: string): CollectorPlan {
  const index = indexTopology(model);
  const collector = index.collector(collectorId);
  if (!collector) throw new Error(`no collector '${collectorId}' in the test topology`);
  return planCollector(index, collector);
}
