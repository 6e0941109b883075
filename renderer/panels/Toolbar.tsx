/** The toolbar: buttons for the registry's most used commands. */
import type { Command } from '../commands/registry.js';
import { isEnabled } from '../commands/registry.js';
import { formatShortcut } from '../commands/shortcuts.js';
import { useApp } from '../app/app-store.js';
import { IS_MAC } from '../app/keyboard.js';

const TOOLBAR: ReadonlyArray<{ id: string; text: string }> = [
  { id: 'file.new', text: 'New' },
  { id: 'file.newFromTemplate', text: 'Templates' },
  { id: 'file.open', text: 'Open' },
  { id: 'file.import', text: 'Import' },
  { id: 'file.save', text: 'Save' },
  { id: 'file.saveAs', text: 'Save as' },
  { id: 'edit.undo', text: '↶' },
  { id: 'edit.redo', text: '↷' },
  { id: 'edit.delete', text: 'Delete' },
  { id: 'view.fit', text: 'Fit' },
  { id: 'layout.auto', text: 'Auto-layout' },
  { id: 'export.bundle', text: 'Export bundle' },
  { id: 'export.diagram', text: 'Export SVG' },
  { id: 'export.diagramPng', text: 'Export PNG' },
  { id: 'view.toggleTheme', text: '◐' },
  { id: 'view.commandPalette', text: 'Commands' },
];

export function Toolbar({ commands }: { commands: readonly Command[] }) {
  const state = useApp((current) => current);
  const name = state.document.topology?.name;
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="app-title">OTel Topology Designer{name ? <span className="doc-name"> · {name}</span> : null}</span>
      {TOOLBAR.map(({ id, text }) => {
        const command = commands.find((candidate) => candidate.id === id);
        if (!command) return null;
        const shortcut = command.shortcut ? ` (${formatShortcut(command.shortcut, IS_MAC)})` : '';
        return (
          <button key={id} type="button" aria-label={command.label} title={`${command.label}${shortcut}`} disabled={!isEnabled(command, state)} onClick={() => void command.run()}>
            {text}
          </button>
        );
      })}
    </header>
  );
}
