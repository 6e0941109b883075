import type { Topology } from '../model/topology.js';

export function topologyDiagram(topology: Topology): string {
  return `<svg xmlns="http://www.w3.org/2000/svg"><title>${topology.name}</title></svg>\n`;
}
