/** The start screen: templates from the seed's scenarios, open a file, or recover unsaved work. */
import { useEffect, useState } from 'react';
import type { Command } from '../commands/registry.js';
import { appStore } from '../app/app-store.js';
import { preloadEditors } from '../editor/EditorPane.js';
import { platform } from '../platform/index.js';
import { TEMPLATES } from '../templates.js';

interface Recovery { text: string; path: string | null; savedAt: string }

const EDITOR_PRELOAD_DELAY_MS = 2000;

/**
 * `openRecent` reopens a recent file by its path, where the platform can (the desktop app, and a
 * browser with the File System Access API); a browser without it keeps only names, so there the
 * list says how to open one again. The list is read again after a try, as a file that could not
 * be opened leaves it.
 */
export function StartScreen({ commands, openRecent }: { commands: readonly Command[]; openRecent?: (path: string) => Promise<void> }) {
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const readRecent = () => void platform.channels['file:recent']({}).then((result) => result.ok && setRecent(result.data));
  useEffect(() => {
    void platform.channels['recovery:read']({}).then((result) => result.ok && setRecovery(result.data));
    readRecent();
  }, []);
  // While the user reads the start screen, the editors load (not at once: a file opened straight
  // away draws its canvas first, and the editors follow).
  useEffect(() => {
    const timer = setTimeout(preloadEditors, EDITOR_PRELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const run = (id: string) => void commands.find((command) => command.id === id)?.run();
  return (
    <main className="start-screen" aria-label="Start">
      <h1>OTel Topology Designer</h1>
      <p className="muted">Design OpenTelemetry Collector topologies across clouds and data centres; export every config and manifest they need.</p>
      {recovery && (
        <section className="recovery" aria-label="Recovery">
          <p>
            Unsaved work{recovery.path ? ` on ${recovery.path}` : ''} from {new Date(recovery.savedAt).toLocaleString()} was found.
          </p>
          <button type="button" onClick={() => appStore.getState().openDocument(recovery.text, recovery.path, { dirty: true })}>Recover unsaved work</button>
          <button type="button" onClick={() => { void platform.channels['recovery:clear']({}); setRecovery(null); }}>Discard it</button>
        </section>
      )}
      <div className="start-actions">
        <button type="button" onClick={() => run('file.new')}>New empty topology</button>
        <button type="button" onClick={() => run('file.open')}>Open a file…</button>
        <button type="button" onClick={() => run('file.import')}>Import existing configs…</button>
        <button type="button" onClick={() => run('file.importFolder')}>Import a folder…</button>
      </div>
      {recent.length > 0 && (
        <section aria-label="Recent files">
          <h2>Recent</h2>
          <ul className="recent">
            {recent.map((path) => (
              <li key={path}>{openRecent ? <button type="button" className="link-button" onClick={() => void openRecent(path).then(readRecent)}>{path}</button> : path}</li>
            ))}
          </ul>
          {!openRecent && <p className="muted">A browser cannot open a file again by its name: use Open a file… to choose it.</p>}
        </section>
      )}
      <section aria-label="Templates">
        <h2>Start from a template</h2>
        <ul className="templates" role="list">
          {TEMPLATES.map((template) => (
            <li key={template.id}>
              <button type="button" className="template-card" aria-label={`Template ${template.title}`} onClick={() => appStore.getState().openDocument(template.text, null, { dirty: true })}>
                <strong>{template.title}</strong>
                <span>{template.summary}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
