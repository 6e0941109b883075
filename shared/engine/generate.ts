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
  /** The bundle README; a session passes a memoised version. */
  readonly readme?: typeof bundleReadme;
  /** A collector's config file; a session passes a memoised version. */
  readonly configFile?: (plan: CollectorPlan) => GeneratedFile;
}

export const TOPOLOGY_FILE_IN_BUNDLE = 'topology.otel-topology.yaml';

/** A collector's plain config, `configs/<id>.yaml`. */
export function collectorConfigFile(plan: CollectorPlan): GeneratedFile {
  return {
    path: `configs/${plan.collector.id}.yaml`,
    content: plan.configText,
    regions: plan.configRegions,
    clusterId: plan.collector.cluster,
    collectorId: plan.collector.id,
  };
}

const byPath = (a: GeneratedFile, b: GeneratedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The files of one cluster's folder, at their place in the bundle (`clusters/<id>/...`), sorted. */
export function clusterFiles(topology: Topology, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  const index = indexTopology(topology);
  const files = (() => {
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
  })();
  return files.map((file) => ({ ...file, path: `clusters/${cluster.id}/${file.path}`, clusterId: cluster.id })).sort(byPath);
}

/**
 * Every file a topology needs, as a pure function of the model: same input, same bytes.
 * Writing them anywhere is the caller's job.
 */
export function generate(topology: Topology, options: GenerateOptions = {}): Bundle {
  const index = indexTopology(topology);
  const plan = options.plan ?? ((collector: Collector) => planCollector(index, collector));
  const configFile = options.configFile ?? collectorConfigFile;
  const configs: GeneratedFile[] = [];
  const plansByCluster = new Map<string, CollectorPlan[]>();
  const plans: CollectorPlan[] = [];
  for (const collector of index.collectors) {
    const collectorPlan = plan(collector);
    plans.push(collectorPlan);
    configs.push(configFile(collectorPlan));
    const inCluster = plansByCluster.get(collector.cluster);
    if (inCluster) inCluster.push(collectorPlan);
    else plansByCluster.set(collector.cluster, [collectorPlan]);
  }
  const filesOf = options.clusterFiles ?? clusterFiles;
  // Folder paths sort by `<id>/`, not `<id>` ("a-b/" comes before "a/").
  const clusters = index.clusters
    .map((cluster) => ({ cluster, key: `${cluster.id}/` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // In path order without sorting every file: README.md < clusters/ < configs/ < diagram.svg < topology.
  const files: GeneratedFile[] = [];
  for (const { cluster } of clusters) {
    for (const file of filesOf(topology, cluster, plansByCluster.get(cluster.id) ?? [])) files.push(file);
  }
  const readme = textFile('README.md', (options.readme ?? bundleReadme)(topology, files, plans));
  for (const file of configs.sort(byPath)) files.push(file);
  files.push(textFile('diagram.svg', (options.diagram ?? topologyDiagram)(topology)));
  files.push(textFile(TOPOLOGY_FILE_IN_BUNDLE, options.topologyText ?? stringifyTopology(topology)));
  files.unshift(readme);
  return { files };
}
