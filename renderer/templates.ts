/** The example topologies shipped as templates on the start screen (bundled as text: no network). */
const files = import.meta.glob<string>('../examples/*.otel-topology.yaml', { query: '?raw', import: 'default', eager: true });

export interface Template {
  readonly id: string;
  readonly title: string;
  /** The file's `description`. */
  readonly summary: string;
  readonly text: string;
}

export const TEMPLATES: readonly Template[] = Object.entries(files)
  .map(([path, text]) => {
    const id = path.split('/').pop()!.replace('.otel-topology.yaml', '');
    // The first comment reads "Scenario name: what it does"; the description field says it in one line.
    const comment = text.match(/^#\s*([^:\n]+):/m)?.[1];
    const title = comment ?? id.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
    const summary = text.match(/^description:\s*(.+)$/m)?.[1] ?? '';
    return { id, title, summary, text };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
