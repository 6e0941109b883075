/** Which generated files belong to the selection, and which of their lines it produced. */
import type { GeneratedFile } from '../../shared/engine/bundle.js';
import type { SourceRegion } from '../../shared/engine/yaml-emit.js';
import type { Topology } from '../../shared/model/topology.js';

const configFirst = (files: GeneratedFile[]) =>
  [...files].sort((a, b) => Number(b.path.startsWith('configs/')) - Number(a.path.startsWith('configs/')));

/**
 * The files to show for the selected element: a collector's own (config first), a flow's
 * sender's, a cluster's folder, the senders' configs for a backend; everything otherwise.
 */
export function filesForSelection(files: readonly GeneratedFile[], selected: string | undefined, topology: Topology | undefined): GeneratedFile[] {
  const element = selected ? topology?.elements.find((candidate) => candidate.id === selected) : undefined;
  if (!element) return [...files];
  const ofCollectors = (ids: ReadonlySet<string>) => configFirst(files.filter((file) => file.collectorId !== undefined && ids.has(file.collectorId)));
  let shown: GeneratedFile[] = [];
  switch (element.kind) {
    case 'collector': shown = ofCollectors(new Set([element.id])); break;
    case 'flow': shown = ofCollectors(new Set([element.from])); break;
    case 'cluster': shown = files.filter((file) => file.clusterId === element.id); break;
    case 'backend': {
      const senders = topology!.elements.filter((candidate) => candidate.kind === 'flow' && candidate.to === element.id).map((flow) => (flow as { from: string }).from);
      shown = configFirst(files.filter((file) => file.path.startsWith('configs/') && file.collectorId !== undefined && senders.includes(file.collectorId)));
      break;
    }
    default: break;
  }
  return shown.length > 0 ? shown : [...files];
}

/** The lines of `file` that `elementId` produced, leaving out a region that is the whole file. */
export function regionsOf(file: GeneratedFile, elementId: string | undefined): SourceRegion[] {
  if (!elementId) return [];
  const lineCount = file.content.split('\n').length;
  return file.regions.filter((region) => region.elementId === elementId && !(region.startLine <= 1 && region.endLine >= lineCount - 1));
}
