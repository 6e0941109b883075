import { indexTopology } from '../graph/topology-index.js';
import type { Cluster } from '../model/cluster.js';
import type { Collector } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import { textFile, type Bundle, type GeneratedFile } from './bundle.js';
import { kubernetesClusterFiles } from './kubernetes/index.js';
import { planCollector, type CollectorPlan } from './plan.js';
import { cloudRunFiles } from './targets/cloud-run.js';
import { lambdaFiles } from './targets/lambda.js';
import { systemdFiles } from './targets/systemd.js';
import { bundleReadme } from './readme.js';
import { topologyDiagram } from './diagram.js';
import { stringifyTopology } from '../io/topology-file.js';

export interface GenerateOptions {
  /** The topology file as the user wrote it, copied into the bundle; a fresh dump where absent. */
  readonly topologyText?: string;
  /** Plans already made (the app and the benchmark reuse unchanged collectors' plans). */
  readonly plan?: (collector: Collector) => CollectorPlan;
  /** Files of one cluster folder; a session passes a memoised version. */
  readonly clusterFiles?: (topology: Topology, cluster: Cluster, plans: readonly CollectorPlan[]) => GeneratedFile[];
  /** The diagram; a session passes a memoised version. */
  readonly diagram?: (topology: Topology) => string;
}

export const TOPOLOGY_FILE_IN_BUNDLE = 'topology.otel-topology.yaml';

export function clusterFiles(topology: Topology, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  const index = indexTopology(topology);
  switch (cluster.platform) {
    case 'cloudrun':
      return cloudRunFiles(index, cluster, plans);
    case 'lambda':
      return lambdaFiles(index, cluster, plans);
    case 'vm':
      return systemdFiles(index, cluster, plans);
    default:
      return kubernetesClusterFiles(index, cluster, plans);
  }
}

/**
 * Every file a topology needs, as a pure function of the model: same input, same bytes.
 * Writing them anywhere is the caller's job.
 */
export function generate(topology: Topology, options: GenerateOptions = {}): Bundle {
  const index = indexTopology(topology);
  const plan = options.plan ?? ((collector: Collector) => planCollector(index, collector));
  const files: GeneratedFile[] = [];
  const plansByCluster = new Map<string, CollectorPlan[]>();
  const plans: CollectorPlan[] = [];
  for (const collector of index.collectors) {
    const collectorPlan = plan(collector);
    plans.push(collectorPlan);
    files.push({
      path: `configs/${collector.id}.yaml`,
      content: collectorPlan.configText,
      regions: collectorPlan.configRegions,
      clusterId: collector.cluster,
      collectorId: collector.id,
    });
    plansByCluster.set(collector.cluster, [...(plansByCluster.get(collector.cluster) ?? []), collectorPlan]);
  }
  const filesOf = options.clusterFiles ?? clusterFiles;
  for (const cluster of index.clusters) {
    const plans = plansByCluster.get(cluster.id) ?? [];
    for (const file of filesOf(topology, cluster, plans)) {
      files.push({ ...file, path: `clusters/${cluster.id}/${file.path}`, clusterId: cluster.id });
    }
  }
  files.push(textFile('README.md', bundleReadme(topology, files, plans)));
  files.push(textFile('diagram.svg', (options.diagram ?? topologyDiagram)(topology)));
  files.push(textFile(TOPOLOGY_FILE_IN_BUNDLE, options.topologyText ?? stringifyTopology(topology)));
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)) };
}
