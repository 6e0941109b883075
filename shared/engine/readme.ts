import type { Topology } from '../model/topology.js';
import type { GeneratedFile } from './bundle.js';

export function bundleReadme(topology: Topology, files: readonly GeneratedFile[]): string {
  return `# ${topology.name}\n\n${files.length} files.\n`;
}
