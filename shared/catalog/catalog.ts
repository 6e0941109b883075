import { closestMatch } from '../text/closest.js';
import type { Signal } from '../model/common.js';
import { CATALOG_DATA } from './catalog-data.js';
import type { CatalogComponent, ComponentKind } from './catalog-types.js';
import { RENAMES } from './renames.js';
import { compareVersions } from './versions.js';

export type TypeStatus =
  | { status: 'current'; type: string; component: CatalogComponent }
  /** A deprecated alias: the collector still takes it, under its `current` name. */
  | { status: 'alias'; type: string; current: string; component: CatalogComponent }
  | { status: 'removed'; type: string; removedIn: string; replacement?: string }
  | { status: 'unknown'; type: string; suggestion?: string };

/** What to use instead of a removed component, where there is one. */
export const REMOVED_REPLACEMENTS: Readonly<Partial<Record<ComponentKind, Record<string, string>>>> = {
  exporter: { logging: 'debug', jaeger: 'otlp_grpc', jaeger_thrift: 'otlp_http' },
  processor: { routing: 'routing connector', spanmetrics: 'span_metrics connector', servicegraph: 'service_graph connector' },
  extension: { memory_ballast: 'memory_limiter processor (and GOMEMLIMIT)' },
};

/** Types missing from the reference's removed list because they left before it starts. */
const EARLY_REMOVALS: Readonly<Partial<Record<ComponentKind, Record<string, string>>>> = {
  exporter: { logging: '0.111.0' },
  extension: { memory_ballast: '0.114.0' },
};

/** The type part of a component id: `otlp_grpc/gw` → `otlp_grpc`. */
export function typeOf(componentId: string): string {
  const slash = componentId.indexOf('/');
  return slash === -1 ? componentId : componentId.slice(0, slash);
}

export function catalogComponent(kind: ComponentKind, type: string): CatalogComponent | undefined {
  return CATALOG_DATA.components[kind][type];
}

export function lookupType(kind: ComponentKind, type: string): TypeStatus {
  const component = CATALOG_DATA.components[kind][type];
  if (component) return { status: 'current', type, component };
  const current = aliasTarget(kind, type);
  if (current) return { status: 'alias', type, current, component: CATALOG_DATA.components[kind][current]! };
  const removed = CATALOG_DATA.removed[kind][type];
  const removedIn = removed?.removedIn ?? EARLY_REMOVALS[kind]?.[type];
  if (removedIn) {
    const replacement = REMOVED_REPLACEMENTS[kind]?.[type];
    return replacement ? { status: 'removed', type, removedIn, replacement } : { status: 'removed', type, removedIn };
  }
  const suggestion = closestType(kind, type);
  return suggestion ? { status: 'unknown', type, suggestion } : { status: 'unknown', type };
}

const aliasIndex = new Map<string, string>();
function aliasTarget(kind: ComponentKind, type: string): string | undefined {
  if (aliasIndex.size === 0) {
    for (const [componentKind, components] of Object.entries(CATALOG_DATA.components)) {
      for (const [name, component] of Object.entries(components)) {
        for (const alias of component.aliases) aliasIndex.set(`${componentKind}:${alias}`, name);
      }
    }
  }
  return aliasIndex.get(`${kind}:${type}`);
}

function closestType(kind: ComponentKind, type: string): string | undefined {
  return closestMatch(type, Object.keys(CATALOG_DATA.components[kind]), (text) => text.replace(/_/g, ''));
}

/**
 * The name to write for a component type at a collector version: the current name, or the old
 * one where the target version predates the rename.
 */
export function emittedType(kind: ComponentKind, currentType: string, version: string): string {
  const rename = RENAMES[kind]?.[currentType];
  if (rename && compareVersions(version, rename.since) < 0) return rename.previous;
  return currentType;
}

/** Signals a receiver, processor or exporter handles. */
export function signalsOf(kind: 'receiver' | 'processor' | 'exporter', type: string): Signal[] {
  const component = catalogComponent(kind, type) ?? catalogComponent(kind, aliasTarget(kind, type) ?? '');
  if (!component) return [];
  return (['traces', 'metrics', 'logs'] as const).filter((signal) => signal in component.stability);
}

/** Signal pairs a connector joins, e.g. `traces_to_metrics`. */
export function connectorPairs(type: string): Array<{ from: Signal; to: Signal }> {
  const component = catalogComponent('connector', type) ?? catalogComponent('connector', aliasTarget('connector', type) ?? '');
  if (!component) return [];
  return Object.keys(component.stability).flatMap((pair) => {
    const match = /^(traces|metrics|logs)_to_(traces|metrics|logs)$/.exec(pair);
    return match ? [{ from: match[1] as Signal, to: match[2] as Signal }] : [];
  });
}

export function isInDistribution(kind: ComponentKind, type: string, distribution: string): boolean {
  const status = lookupType(kind, type);
  if (status.status !== 'current' && status.status !== 'alias') return false;
  return status.component.distributions.includes(distribution);
}

export const CATALOG_VERSIONS = CATALOG_DATA.versions;
