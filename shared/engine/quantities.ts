/** Parses Kubernetes quantities into numbers: CPU in cores, memory in bytes. */

const MEMORY_UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

export function parseMemory(quantity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  return match ? Number(match[1]) * MEMORY_UNITS[match[2] ?? '']! : undefined;
}

export function parseCpu(quantity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity);
  return match ? Number(match[1]) / (match[2] ? 1000 : 1) : undefined;
}

export function formatCpu(cores: number): string {
  // The epsilon keeps 0.7 cores at 700m: 0.7 * 1000 is 700.0000000000001 in binary floating point.
  const millis = Math.ceil(cores * 1000 - 1e-9);
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

export function formatMemory(bytes: number): string {
  const mebibytes = Math.ceil(bytes / 1024 ** 2);
  return mebibytes % 1024 === 0 ? `${mebibytes / 1024}Gi` : `${mebibytes}Mi`;
}

/**
 * GOMEMLIMIT for a memory limit: 80 % of it, so Go's GC works hard before the kernel kills the
 * container (the Helm chart's `useGOMEMLIMIT` uses the same ratio).
 */
export function goMemLimit(memoryLimit: string | undefined): string | undefined {
  const bytes = memoryLimit === undefined ? undefined : parseMemory(memoryLimit);
  if (bytes === undefined) return undefined;
  return `${Math.floor((bytes * 0.8) / 1024 ** 2)}MiB`;
}
