/**
 * The canvas as a projection of the model: sites are frames holding their clusters (and the
 * backends and control planes placed in them), clusters are frames holding their collectors,
 * flows and links are edges. Positions come from `topology.layout` (relative to the parent
 * frame), else from a simple grid; frames grow to hold their children.
 */
import type { Edge, MarkerType, Node } from '@xyflow/react';
import { KIND_TITLES, type Element, type ElementKind, type ElementOf, type Topology } from '../../shared/model/topology.js';
import type { Diagnostic, Severity } from '../../shared/validation/diagnostic.js';

export type NodeKind = Exclude<ElementKind, 'flow' | 'link'>;

export interface ElementNodeData extends Record<string, unknown> {
  readonly element: Element;
  readonly title: string;
  readonly subtitle: string;
  /** The worst severity of the diagnostics naming this element. */
  readonly severity?: Severity;
  readonly problemCount: number;
}

export type ElementNode = Node<ElementNodeData, NodeKind>;

export const LEAF = { width: 190, height: 56 };

const PADDING = 20;
const HEADER = 40;
const GAP = 24;
const SITE_GAP = 80;

/** Frame geometry, shared with auto-layout so the frames it lays out are the ones drawn here. */
export const FRAME_PADDING = { top: HEADER, side: PADDING } as const;
export const FRAME_MINIMUM = {
  site: { width: 260, height: 140 },
  cluster: { width: LEAF.width + 2 * PADDING, height: HEADER + PADDING + 20 },
} as const;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ProblemSummary {
  readonly severity: Severity;
  readonly count: number;
}

/** Per element id: how many diagnostics name it and the worst severity. */
export function problemsByElement(diagnostics: readonly Diagnostic[]): Map<string, ProblemSummary> {
  const summary = new Map<string, ProblemSummary>();
  for (const diagnostic of diagnostics) {
    for (const id of new Set(diagnostic.elementIds)) {
      const previous = summary.get(id);
      const severity = previous && SEVERITY_RANK[previous.severity] <= SEVERITY_RANK[diagnostic.severity] ? previous.severity : diagnostic.severity;
      summary.set(id, { severity, count: (previous?.count ?? 0) + 1 });
    }
  }
  return summary;
}

function describe(element: Element): { title: string; subtitle: string } {
  const title = element.label ?? element.id;
  switch (element.kind) {
    case 'site': return { title, subtitle: `${element.provider} · ${element.region}${element.zone ? ` · zone ${element.zone}` : ''}` };
    case 'cluster': return { title, subtitle: `${element.platform} · ${element.namespace}` };
    case 'collector': return { title, subtitle: `${element.role}${element.replicas ? ` · ×${element.replicas}` : ''}${element.mode !== 'auto' ? ` · ${element.mode}` : ''}` };
    case 'backend': return { title, subtitle: element.type };
    case 'controlPlane': return { title, subtitle: 'OpAMP server' };
    default: return { title, subtitle: element.kind };
  }
}

interface Box { x: number; y: number; width: number; height: number }

/** Places `children` (with their sizes) left to right from (x, y), unless the layout says where. */
function placeRow(
  topology: Topology,
  children: ReadonlyArray<{ id: string; width: number; height: number }>,
  x: number,
  y: number,
  gap: number,
  direction: 'row' | 'column' = 'row',
): Map<string, Box> {
  const boxes = new Map<string, Box>();
  let cursor = direction === 'row' ? x : y;
  for (const child of children) {
    const stored = topology.layout[child.id];
    const auto = direction === 'row' ? { x: cursor, y } : { x, y: cursor };
    boxes.set(child.id, { x: stored?.x ?? auto.x, y: stored?.y ?? auto.y, width: child.width, height: child.height });
    cursor += (direction === 'row' ? child.width : child.height) + gap;
  }
  return boxes;
}

/** The size a frame needs for its children, or its stored size when larger. */
function frameSize(topology: Topology, id: string, children: Iterable<Box>, minimum: { width: number; height: number }) {
  let width = minimum.width;
  let height = minimum.height;
  for (const child of children) {
    width = Math.max(width, child.x + child.width + PADDING);
    height = Math.max(height, child.y + child.height + PADDING);
  }
  const stored = topology.layout[id];
  return { width: Math.max(width, stored?.width ?? 0), height: Math.max(height, stored?.height ?? 0) };
}

export interface Projection {
  readonly nodes: ElementNode[];
  readonly edges: Edge[];
}

export function projectTopology(
  topology: Topology,
  diagnostics: readonly Diagnostic[] = [],
  selection: ReadonlySet<string> = new Set(),
): Projection {
  const problems = problemsByElement(diagnostics);
  const byKind = <K extends ElementKind>(kind: K) => topology.elements.filter((element): element is ElementOf<K> => element.kind === kind);
  const sites = byKind('site');
  const clusters = byKind('cluster');
  const collectors = byKind('collector');
  const backends = byKind('backend');
  const controlPlanes = byKind('controlPlane');
  const siteIds = new Set(sites.map((site) => site.id));
  const clusterIds = new Set(clusters.map((cluster) => cluster.id));

  const boxes = new Map<string, Box>();
  const parentOf = new Map<string, string>();

  // Collectors inside clusters, stacked.
  const clusterSizes = new Map<string, { width: number; height: number }>();
  for (const cluster of clusters) {
    const inside = collectors.filter((collector) => collector.cluster === cluster.id);
    const placed = placeRow(topology, inside.map((collector) => ({ id: collector.id, ...LEAF })), PADDING, HEADER, 16, 'column');
    for (const [id, box] of placed) { boxes.set(id, box); parentOf.set(id, cluster.id); }
    clusterSizes.set(cluster.id, frameSize(topology, cluster.id, placed.values(), FRAME_MINIMUM.cluster));
  }

  // Clusters, then backends and control planes, inside sites.
  const siteSizes = new Map<string, { width: number; height: number }>();
  for (const site of sites) {
    const inClusters = clusters.filter((cluster) => cluster.site === site.id);
    const placedClusters = placeRow(topology, inClusters.map((cluster) => ({ id: cluster.id, ...clusterSizes.get(cluster.id)! })), PADDING, HEADER, GAP);
    const clustersBottom = Math.max(HEADER, ...[...placedClusters.values()].map((box) => box.y + box.height + GAP));
    const leaves = [...backends, ...controlPlanes].filter((element) => element.site === site.id);
    const placedLeaves = placeRow(topology, leaves.map((element) => ({ id: element.id, ...LEAF })), PADDING, clustersBottom, GAP);
    for (const [id, box] of [...placedClusters, ...placedLeaves]) { boxes.set(id, box); parentOf.set(id, site.id); }
    siteSizes.set(site.id, frameSize(topology, site.id, [...placedClusters.values(), ...placedLeaves.values()], FRAME_MINIMUM.site));
  }

  // Top level: sites in a row; anything without a known parent below them.
  const placedSites = placeRow(topology, sites.map((site) => ({ id: site.id, ...siteSizes.get(site.id)! })), 0, 0, SITE_GAP);
  for (const [id, box] of placedSites) boxes.set(id, box);
  const sitesBottom = Math.max(0, ...[...placedSites.values()].map((box) => box.y + box.height + SITE_GAP));
  const orphanClusters = clusters.filter((cluster) => !siteIds.has(cluster.site));
  const orphanLeaves = [
    ...collectors.filter((collector) => !clusterIds.has(collector.cluster)),
    ...[...backends, ...controlPlanes].filter((element) => element.site === undefined || !siteIds.has(element.site)),
  ];
  const placedOrphans = placeRow(
    topology,
    [
      ...orphanClusters.map((cluster) => ({ id: cluster.id, ...clusterSizes.get(cluster.id)! })),
      ...orphanLeaves.map((element) => ({ id: element.id, ...LEAF })),
    ],
    0,
    sitesBottom,
    GAP,
  );
  for (const [id, box] of placedOrphans) boxes.set(id, box);

  const frameSizes = new Map([...clusterSizes, ...siteSizes]);
  const nodeOf = (element: Element & { kind: NodeKind }): ElementNode => {
    const box = boxes.get(element.id)!;
    const size = frameSizes.get(element.id) ?? LEAF;
    const problem = problems.get(element.id);
    const parentId = parentOf.get(element.id);
    return {
      id: element.id,
      type: element.kind,
      position: { x: box.x, y: box.y },
      width: size.width,
      height: size.height,
      style: { width: size.width, height: size.height },
      // No `extent: 'parent'`: dragging a node out of its frame into another one reparents it.
      ...(parentId ? { parentId } : {}),
      selected: selection.has(element.id),
      ariaLabel: `${KIND_TITLES[element.kind]} ${element.id}`,
      ...(element.kind === 'site' || element.kind === 'cluster' ? { zIndex: element.kind === 'site' ? -2 : -1 } : {}),
      data: { element, ...describe(element), ...(problem ? { severity: problem.severity } : {}), problemCount: problem?.count ?? 0 },
    };
  };
  // Parents come before their children, as React Flow requires.
  const nodes = [...sites, ...clusters, ...collectors, ...backends, ...controlPlanes].map(nodeOf);

  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges: Edge[] = [];
  for (const element of topology.elements) {
    if (element.kind === 'flow' && nodeIds.has(element.from) && nodeIds.has(element.to)) {
      const problem = problems.get(element.id);
      edges.push({
        id: element.id,
        source: element.from,
        target: element.to,
        sourceHandle: 'out',
        targetHandle: 'in',
        label: `${element.signals.join(' · ')}${element.failoverPriority ? ` (priority ${element.failoverPriority})` : ''}`,
        selected: selection.has(element.id),
        className: `flow-edge${problem ? ` has-${problem.severity}` : ''}`,
        markerEnd: { type: 'arrowclosed' as MarkerType, width: 16, height: 16 },
        ariaLabel: `Flow ${element.id}`,
        data: { kind: 'flow' },
      });
    } else if (element.kind === 'link' && nodeIds.has(element.from) && nodeIds.has(element.to)) {
      edges.push({
        id: element.id,
        source: element.from,
        target: element.to,
        sourceHandle: 'link-out',
        targetHandle: 'link-in',
        label: element.type,
        selected: selection.has(element.id),
        className: `link-edge link-${element.type}`,
        ariaLabel: `Link ${element.id}`,
        data: { kind: 'link' },
        zIndex: -1,
      });
    }
  }
  return { nodes, edges };
}

/** A node's position on the canvas, adding up its parents' positions. */
export function absolutePosition(nodes: readonly ElementNode[], id: string): { x: number; y: number } {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  let x = 0;
  let y = 0;
  for (let node = byId.get(id); node; node = node.parentId ? byId.get(node.parentId) : undefined) {
    x += node.position.x;
    y += node.position.y;
  }
  return { x, y };
}

/** The innermost frame of `kind` under a canvas point. */
export function frameAt(nodes: readonly ElementNode[], point: { x: number; y: number }, kind: 'site' | 'cluster'): ElementNode | undefined {
  return nodes
    .filter((node) => node.type === kind)
    .reverse()
    .find((node) => {
      const at = absolutePosition(nodes, node.id);
      return point.x >= at.x && point.y >= at.y && point.x <= at.x + (node.width ?? 0) && point.y <= at.y + (node.height ?? 0);
    });
}
