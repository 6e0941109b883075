export type ComponentKind = 'receiver' | 'processor' | 'exporter' | 'extension' | 'connector';
export const COMPONENT_KINDS: readonly ComponentKind[] = ['receiver', 'processor', 'exporter', 'extension', 'connector'];

export interface CatalogComponent {
  /** Older names the collector still accepts, deprecated. */
  readonly aliases: readonly string[];
  /**
   * Stability per signal (`traces`, `metrics`, `logs`, `profiles`), per signal pair for connectors
   * (`traces_to_metrics`), or `extension`.
   */
  readonly stability: Readonly<Record<string, string>>;
  /** Distributions that ship it: `contrib`, `k8s`, `core`, `otlp`, `lambda`. */
  readonly distributions: readonly string[];
  /** Top-level config keys, or null where they are not known (not "no keys"). */
  readonly keys: readonly string[] | null;
}

export interface CatalogData {
  readonly versions: { readonly core: string; readonly contrib: string };
  readonly components: Readonly<Record<ComponentKind, Readonly<Record<string, CatalogComponent>>>>;
  readonly removed: Readonly<Record<ComponentKind, Readonly<Record<string, { removedIn: string; lastIn: string }>>>>;
}
