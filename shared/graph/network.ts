/**
 * The network under a topology: which site each element is in, which links join the sites,
 * the path a cross-site flow takes, and the references between elements. Pure functions over a
 * `TopologyIndex`, shared by the validation rules and the UI (highlighting a path or a link).
 */
import { catalogComponent } from '../catalog/catalog.js';
import type { Backend } from '../model/backend.js';
import type { Collector } from '../model/collector.js';
import type { Flow } from '../model/flow.js';
import type { Link } from '../model/link.js';
import type { Site } from '../model/site.js';
import type { Element, ElementKind, Topology } from '../model/topology.js';
import type { TopologyIndex } from './topology-index.js';

// ---------- sites ----------

/** The site an element (by id) is in: a collector through its cluster. Undefined for flows, links and unplaced backends. */
export function siteOfId(index: TopologyIndex, elementId: string): Site | undefined {
  const element = index.byId.get(elementId);
  return element && index.siteOf(element);
}

/** The sites a flow leaves and arrives in; either is undefined where unknown (a backend without a site). */
export function flowSites(index: TopologyIndex, flow: Flow): { from?: Site; to?: Site } {
  const sites: { from?: Site; to?: Site } = {};
  const from = siteOfId(index, flow.from);
  const to = siteOfId(index, flow.to);
  if (from) sites.from = from;
  if (to) sites.to = to;
  return sites;
}

/**
 * Whether a flow crosses from one site to another. A backend without a site is reached over the
 * internet from anywhere, so flows to it are not cross-site: no link to check.
 */
export function isCrossSiteFlow(index: TopologyIndex, flow: Flow): boolean {
  const { from, to } = flowSites(index, flow);
  return from !== undefined && to !== undefined && from.id !== to.id;
}

const crossSiteCache = new WeakMap<TopologyIndex, ReadonlyArray<{ flow: Flow; from: Site; to: Site }>>();

/** Cross-site flows with both their sites (computed once per index: several rules ask). */
export function crossSiteFlows(index: TopologyIndex): ReadonlyArray<{ flow: Flow; from: Site; to: Site }> {
  let flows = crossSiteCache.get(index);
  if (!flows) {
    flows = index.flows.flatMap((flow) => {
      const { from, to } = flowSites(index, flow);
      return from && to && from.id !== to.id ? [{ flow, from, to }] : [];
    });
    crossSiteCache.set(index, flows);
  }
  return flows;
}

// ---------- links between sites ----------

/** Which links a search may use. */
export interface LinkFilter {
  /** Leave this link out, e.g. to ask whether another path exists without it. */
  readonly without?: Link;
  /** Use only links that pass, e.g. only encrypted ones. */
  readonly only?: (link: Link) => boolean;
}

/** A chain of links from one site to another (links are undirected). */
export interface SitePath {
  /** Sites in order, from the first to the last. */
  readonly sites: readonly string[];
  readonly links: readonly Link[];
}

function otherEnd(link: Link, siteId: string): string {
  return link.from === siteId ? link.to : link.from;
}

function usableLinks(index: TopologyIndex, filter: LinkFilter): Link[] {
  return index.links.filter((link) => link !== filter.without && (filter.only?.(link) ?? true) && link.from !== link.to);
}

function adjacency(links: readonly Link[]): Map<string, Link[]> {
  const bySite = new Map<string, Link[]>();
  for (const link of links) {
    for (const end of [link.from, link.to]) {
      const list = bySite.get(end);
      if (list) list.push(link);
      else bySite.set(end, [link]);
    }
  }
  return bySite;
}

/** Sites reachable from `siteId` over links (breadth-first, undirected), itself included. */
export function reachableSites(index: TopologyIndex, siteId: string, filter: LinkFilter = {}): Set<string> {
  const bySite = adjacency(usableLinks(index, filter));
  const seen = new Set([siteId]);
  const queue = [siteId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const link of bySite.get(current) ?? []) {
      const next = otherEnd(link, current);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

export function sitesConnected(index: TopologyIndex, from: string, to: string, filter: LinkFilter = {}): boolean {
  return from === to || reachableSites(index, from, filter).has(to);
}

/**
 * The path telemetry takes between two sites: the cheapest in egress (sum of `egressCostPerGb`
 * over its links), then the one with fewest links, then the first in model order. The model
 * has no routing tables, so this is the path a network team would normally prefer.
 * Undefined where no chain of links joins them; an empty path for the same site.
 */
export function networkPath(index: TopologyIndex, from: string, to: string, filter: LinkFilter = {}): SitePath | undefined {
  if (from === to) return { sites: [from], links: [] };
  const bySite = adjacency(usableLinks(index, filter));
  type Best = { cost: number; hops: number; via?: Link; previous?: string };
  const best = new Map<string, Best>([[from, { cost: 0, hops: 0 }]]);
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [site, entry] of best) {
      if (done.has(site)) continue;
      const chosen = current === undefined ? undefined : best.get(current)!;
      if (!chosen || entry.cost < chosen.cost || (entry.cost === chosen.cost && entry.hops < chosen.hops)) current = site;
    }
    if (current === undefined) return undefined;
    if (current === to) break;
    done.add(current);
    const here = best.get(current)!;
    for (const link of bySite.get(current) ?? []) {
      const next = otherEnd(link, current);
      if (done.has(next)) continue;
      const candidate = { cost: here.cost + link.egressCostPerGb, hops: here.hops + 1, via: link, previous: current };
      const known = best.get(next);
      if (!known || candidate.cost < known.cost || (candidate.cost === known.cost && candidate.hops < known.hops)) {
        best.set(next, candidate);
      }
    }
  }
  const sites = [to];
  const links: Link[] = [];
  for (let entry = best.get(to)!; entry.via; entry = best.get(entry.previous!)!) {
    links.unshift(entry.via);
    sites.unshift(entry.previous!);
  }
  return { sites, links };
}

/**
 * Links whose loss alone cuts `from` off from `to`: single points of failure between two
 * sites. Empty where the sites are not connected at all, or are the same site.
 */
export function criticalLinks(index: TopologyIndex, from: string, to: string): Link[] {
  const path = networkPath(index, from, to);
  if (!path) return [];
  // A link off this path cannot be critical: the path survives without it.
  return path.links.filter((link) => !sitesConnected(index, from, to, { without: link }));
}

/** Egress cost in USD per GB along a path. */
export function pathCostPerGb(path: SitePath): number {
  return path.links.reduce((sum, link) => sum + link.egressCostPerGb, 0);
}

// ---------- what a flow's settings reach ----------

/**
 * Which of a flow's transport settings the generated exporter honours. Collector targets and
 * OTLP backends take them all; other backend exporters take retry and queue only where they
 * have the exporter-helper keys, and their own transport otherwise (e.g. AWS SDK clients).
 */
export function flowSettingsApply(target: Collector | Backend): { compression: boolean; retry: boolean; queue: boolean } {
  if (target.kind === 'collector' || target.type === 'otlp' || target.type === 'otlphttp') {
    return { compression: true, retry: true, queue: true };
  }
  const keys = catalogComponent('exporter', target.type)?.keys ?? [];
  return { compression: false, retry: keys.includes('retry_on_failure'), queue: keys.includes('sending_queue') };
}

// ---------- references between elements ----------

/** A field of one element kind that holds the id of another element. */
export interface ReferenceField {
  readonly field: string;
  /** Kinds the referenced element may be. */
  readonly kinds: readonly ElementKind[];
  /** The field may be absent. */
  readonly optional: boolean;
}

/** Every id-valued field of the model, per element kind. */
export const REFERENCE_FIELDS: Readonly<Record<ElementKind, readonly ReferenceField[]>> = {
  site: [],
  cluster: [{ field: 'site', kinds: ['site'], optional: false }],
  collector: [
    { field: 'cluster', kinds: ['cluster'], optional: false },
    { field: 'controlPlane', kinds: ['controlPlane'], optional: true },
  ],
  backend: [{ field: 'site', kinds: ['site'], optional: true }],
  link: [
    { field: 'from', kinds: ['site'], optional: false },
    { field: 'to', kinds: ['site'], optional: false },
  ],
  flow: [
    { field: 'from', kinds: ['collector'], optional: false },
    { field: 'to', kinds: ['collector', 'backend'], optional: false },
  ],
  controlPlane: [{ field: 'site', kinds: ['site'], optional: true }],
};

/** The references an element makes, with the id each field holds (absent optional fields left out). */
export function referencesOf(element: Element): Array<ReferenceField & { id: string }> {
  const fields = element as unknown as Record<string, unknown>;
  const references: Array<ReferenceField & { id: string }> = [];
  for (const reference of REFERENCE_FIELDS[element.kind]) {
    const id = fields[reference.field];
    if (typeof id === 'string') references.push({ ...reference, id });
  }
  return references;
}

/**
 * Renames an element and rewrites every reference to it, and its canvas placement. Every
 * element with the old id is renamed: callers give a fresh, unique new id.
 */
export function renameElement(topology: Topology, from: string, to: string): Topology {
  const elements = topology.elements.map((element) => {
    let changed: Record<string, unknown> | undefined;
    if (element.id === from) changed = { ...element, id: to };
    for (const reference of referencesOf(element)) {
      if (reference.id === from) changed = { ...(changed ?? element), [reference.field]: to };
    }
    return changed ? (changed as unknown as Element) : element;
  });
  const placement = topology.layout[from];
  const layout = placement === undefined
    ? topology.layout
    : Object.fromEntries(Object.entries(topology.layout).map(([key, value]) => [key === from ? to : key, value]));
  return { ...topology, elements, layout };
}

/** `base`, or `base-2`, `base-3`... : the first that no element uses yet. */
export function unusedId(topology: Topology, base: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...topology.elements.map((element) => element.id), ...taken]);
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Removes an element (by id) and its canvas placement. */
export function removeElement(topology: Topology, elementId: string): Topology {
  const { [elementId]: _removed, ...layout } = topology.layout;
  return { ...topology, elements: topology.elements.filter((element) => element.id !== elementId), layout };
}
