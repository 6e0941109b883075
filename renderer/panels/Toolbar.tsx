/** The toolbar: buttons for the registry's most used commands. */
import type { Command } from '../commands/registry.js';
import { isEnabled } from '../commands/registry.js';
import { formatShortcut } from '../commands/shortcuts.js';
import { useApp } from '../app/app-store.js';
import { IS_MAC } from '../app/keyboard.js';

/** Buttons in groups (a gap between groups); a group's `caption` reads before its buttons. */
const TOOLBAR: ReadonlyArray<{ caption?: string; buttons: ReadonlyArray<{ id: string; text: string }> }> = [
  {
    buttons: [
      { id: 'file.new', text: 'New' },
      { id: 'file.newFromTemplate', text: 'Templates' },
      { id: 'file.open', text: 'Open' },
      { id: 'file.import', text: 'Import' },
      { id: 'file.save', text: 'Save' },
      { id: 'file.saveAs', text: 'Save as' },
    ],
  },
  {
    buttons: [
      { id: 'edit.undo', text: '↶' },
      { id: 'edit.redo', text: '↷' },
      { id: 'edit.delete', text: 'Delete' },
    ],
  },
  {
    buttons: [
      { id: 'view.fit', text: 'Fit' },
      { id: 'layout.auto', text: 'Auto-layout' },
    ],
  },
  {
    caption: 'Export',
    buttons: [
      { id: 'export.bundle', text: 'Bundle' },
      { id: 'export.diagram', text: 'SVG' },
      { id: 'export.diagramPng', text: 'PNG' },
    ],
  },
  {
    buttons: [
      { id: 'view.toggleTheme', text: '◐' },
      { id: 'view.commandPalette', text: 'Commands' },
    ],
  },
];

export function Toolbar({ commands }: { commands: readonly Command[] }) {
  const state = useApp((current) => current);
  const name = state.document.topology?.name;
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      {/* On a narrow window only the topology's name: the product's is in the window's title. */}
      <span className="app-title">
        <span className="product-name">OTel Topology Designer{name ? ' · ' : ''}</span>
        {name ? <span className="doc-name">{name}</span> : null}
      </span>
      {TOOLBAR.map((group, index) => (
        <span key={index} className="toolbar-group">
          {group.caption && <span className="toolbar-caption" aria-hidden="true">{group.caption}</span>}
          {group.buttons.map(({ id, text }) => {
            const command = commands.find((candidate) => candidate.id === id);
            if (!command) return null;
            const shortcut = command.shortcut ? ` (${formatShortcut(command.shortcut, IS_MAC)})` : '';
            return (
              <button key={id} type="button" aria-label={command.label} title={`${command.label}${shortcut}`} disabled={!isEnabled(command, state)} onClick={() => void command.run()}>
                {text}
              </button>
            );
          })}
        </span>
      ))}
    </header>
  );
}
