/**
 * Auto-layout with ELK: sites are compound nodes holding their clusters (and the backends and
 * control planes placed in them), clusters hold their collectors, and ELK's layered algorithm
 * lays everything out left to right along the flows, across the hierarchy. The result is a
 * `Layout` in the canvas's terms: positions relative to the parent frame.
 *
 * ELK runs in the page from its bundled build (no worker, nothing fetched).
 */
import ELK, { type ElkExtendedEdge, type ElkNode, type LayoutOptions } from 'elkjs/lib/elk.bundled.js';
import type { Layout, Placement } from '../../shared/model/layout.js';
import type { Element, Topology } from '../../shared/model/topology.js';
import { FRAME_MINIMUM, FRAME_PADDING, LEAF } from './projection.js';

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Edges between collectors in different clusters and sites are laid out together.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '80',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
};

function frameOptions(kind: 'site' | 'cluster'): LayoutOptions {
  const minimum = FRAME_MINIMUM[kind];
  return {
    'elk.padding': `[top=${FRAME_PADDING.top},left=${FRAME_PADDING.side},bottom=${FRAME_PADDING.side},right=${FRAME_PADDING.side}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${minimum.width}, ${minimum.height})`,
    'elk.spacing.nodeNode': kind === 'site' ? '32' : '16',
    'elk.layered.spacing.nodeNodeBetweenLayers': kind === 'site' ? '60' : '48',
  };
}

const leaf = (id: string): ElkNode => ({ id, width: LEAF.width, height: LEAF.height });

/** The ELK graph of a topology: frames as compound nodes, flows as edges (at the root). */
export function elkGraph(topology: Topology): ElkNode {
  const of = <K extends Element['kind']>(kind: K) => topology.elements.filter((element): element is Extract<Element, { kind: K }> => element.kind === kind);
  const sites = of('site');
  const clusters = of('cluster');
  const collectors = of('collector');
  const placed = [...of('backend'), ...of('controlPlane')];
  const siteIds = new Set(sites.map((site) => site.id));
  const clusterIds = new Set(clusters.map((cluster) => cluster.id));

  const clusterNode = (id: string): ElkNode => ({
    id,
    layoutOptions: frameOptions('cluster'),
    children: collectors.filter((collector) => collector.cluster === id).map((collector) => leaf(collector.id)),
  });
  const siteNode = (id: string): ElkNode => ({
    id,
    layoutOptions: frameOptions('site'),
    children: [
      ...clusters.filter((cluster) => cluster.site === id).map((cluster) => clusterNode(cluster.id)),
      ...placed.filter((element) => element.site === id).map((element) => leaf(element.id)),
    ],
  });

  const children: ElkNode[] = [
    ...sites.map((site) => siteNode(site.id)),
    ...clusters.filter((cluster) => !siteIds.has(cluster.site)).map((cluster) => clusterNode(cluster.id)),
    ...collectors.filter((collector) => !clusterIds.has(collector.cluster)).map((collector) => leaf(collector.id)),
    ...placed.filter((element) => element.site === undefined || !siteIds.has(element.site)).map((element) => leaf(element.id)),
  ];

  const nodeIds = new Set<string>();
  const collect = (nodes: readonly ElkNode[]) => nodes.forEach((node) => { nodeIds.add(node.id); collect(node.children ?? []); });
  collect(children);
  const edges: ElkExtendedEdge[] = topology.elements
    .filter((element): element is Extract<Element, { kind: 'flow' }> => element.kind === 'flow')
    .filter((flow) => nodeIds.has(flow.from) && nodeIds.has(flow.to) && flow.from !== flow.to)
    .map((flow) => ({ id: flow.id, sources: [flow.from], targets: [flow.to] }));

  return { id: '__root', layoutOptions: ROOT_OPTIONS, children, edges };
}

/** Positions (relative to each node's parent, as ELK gives them) of a laid-out graph. */
export function positionsOf(graph: ElkNode): Map<string, { x: number; y: number; width: number; height: number }> {
  const positions = new Map<string, { x: number; y: number; width: number; height: number }>();
  const visit = (nodes: readonly ElkNode[]) => {
    for (const node of nodes) {
      positions.set(node.id, { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0), width: Math.round(node.width ?? 0), height: Math.round(node.height ?? 0) });
      visit(node.children ?? []);
    }
  };
  visit(graph.children ?? []);
  return positions;
}

let elk: InstanceType<typeof ELK> | undefined;

/** Lays the topology out; resolves to the new layout of every node element. */
export async function computeAutoLayout(topology: Topology): Promise<Layout> {
  elk ??= new ELK();
  const laidOut = await elk.layout(elkGraph(topology));
  const layout: Record<string, Placement> = {};
  for (const [id, { x, y }] of positionsOf(laidOut)) layout[id] = { x, y };
  return layout;
}

/**
 * The topology with `layout` applied: laid-out elements get their new position (frames lose a
 * stored size, so they fit their new contents); other layout entries stay.
 */
export function applyLayout(topology: Topology, layout: Layout): Topology {
  const ids = new Set(topology.elements.map((element) => element.id));
  const next: Record<string, Placement> = { ...topology.layout };
  for (const [id, placement] of Object.entries(layout)) if (ids.has(id)) next[id] = placement;
  return { ...topology, layout: next };
}
