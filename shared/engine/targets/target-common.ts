/** Small helpers the non-Kubernetes targets (Cloud Run, Lambda, systemd) share. */
import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import { TLS_DIRECTORY } from '../conventions.js';
import type { CollectorPlan, EnvVar } from '../plan.js';

/** A variable filled from a secret: the model's `{ name, key }` reference, never its value. */
export interface SecretEnv {
  readonly name: string;
  readonly secret: { readonly name: string; readonly key: string };
}

export function literalEnv(plan: CollectorPlan): Array<{ name: string; value: string }> {
  return plan.env.filter((variable): variable is Extract<EnvVar, { value: string }> => 'value' in variable);
}

export function secretEnv(plan: CollectorPlan): SecretEnv[] {
  return plan.env.filter((variable): variable is Extract<EnvVar, { secret: unknown }> => 'secret' in variable);
}

/** The region of the cluster's site, for the deploy commands. */
export function clusterRegion(index: TopologyIndex, cluster: Cluster): string | undefined {
  return index.siteOf(cluster)?.region;
}

/** TLS files the config reads, by secret: `{ "gw-ca": ["ca.crt"] }`. */
export function tlsFilesBySecret(plan: CollectorPlan): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const secret of plan.tlsSecrets) {
    const prefix = `${TLS_DIRECTORY}/${secret}/`;
    const used = new Set<string>();
    for (let at = plan.configText.indexOf(prefix); at !== -1; at = plan.configText.indexOf(prefix, at + 1)) {
      const match = /^[A-Za-z0-9._-]+/.exec(plan.configText.slice(at + prefix.length));
      if (match) used.add(match[0]);
    }
    files.set(secret, [...used].sort());
  }
  return files;
}

/** A Markdown bullet list, or a line saying there is nothing to list. */
export function bullets(items: readonly string[], none: string): string {
  return items.length === 0 ? `${none}\n` : items.map((item) => `- ${item}`).join('\n') + '\n';
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
