import { emitYaml, originKey, type SourceRegion } from './yaml-emit.js';

/** One file of an export bundle, with its source map. */
export interface GeneratedFile {
  /** Relative, forward slashes: `clusters/eks-prod/gateway-deployment.yaml`. */
  readonly path: string;
  readonly content: string;
  /** Lines of `content` that come from each model element. */
  readonly regions: readonly SourceRegion[];
  readonly clusterId?: string;
  readonly collectorId?: string;
}

/** Everything the engine makes from one topology. */
export interface Bundle {
  readonly files: readonly GeneratedFile[];
}

/** A YAML file of one object (a Kubernetes manifest, a config), attributed whole to `elementId`. */
export function yamlFile(
  path: string,
  value: unknown,
  elementId: string,
  extra: { clusterId?: string; collectorId?: string; origins?: ReadonlyMap<string, string> } = {},
): GeneratedFile {
  const origins = new Map(extra.origins ?? []);
  if (!origins.has(originKey([]))) origins.set(originKey([]), elementId);
  const { text, regions } = emitYaml(value, origins);
  return {
    path,
    content: text,
    regions,
    ...(extra.clusterId ? { clusterId: extra.clusterId } : {}),
    ...(extra.collectorId ? { collectorId: extra.collectorId } : {}),
  };
}

export function textFile(path: string, content: string, extra: { clusterId?: string; collectorId?: string } = {}): GeneratedFile {
  return { path, content, regions: [], ...extra };
}
