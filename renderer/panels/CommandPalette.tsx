/** The command palette (Ctrl/Cmd+Shift+P): every command of the registry, searchable. */
import { useEffect, useId, useRef, useState } from 'react';
import type { Command } from '../commands/registry.js';
import { isEnabled } from '../commands/registry.js';
import { formatShortcut } from '../commands/shortcuts.js';
import { appStore, useApp } from '../app/app-store.js';
import { IS_MAC } from '../app/keyboard.js';
import { trapKeys, useDialogFocus } from './dialog-focus.js';

export function CommandPalette({ commands }: { commands: readonly Command[] }) {
  const open = useApp((state) => state.commandPaletteOpen);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const listId = useId();
  useDialogFocus(open, dialog);
  useEffect(() => {
    if (open) {
      setQuery('');
      setActive(0);
      setTimeout(() => input.current?.focus(), 0);
    }
  }, [open]);
  if (!open) return null;
  const state = appStore.getState();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = commands.filter((command) => command.id !== 'view.commandPalette' && isEnabled(command, state) && words.every((word) => command.label.toLowerCase().includes(word)));
  const close = () => state.setCommandPaletteOpen(false);
  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    void command.run();
  };
  return (
    <div className="palette-backdrop" onClick={close}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        className="command-palette"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => trapKeys(event, close)}
      >
        <input
          ref={input}
          aria-label="Search commands"
          // The arrow keys move through the list while the focus stays here: say which command Enter runs.
          aria-controls={listId}
          aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
          placeholder="Type a command"
          value={query}
          onChange={(event) => { setQuery(event.target.value); setActive(0); }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') { event.preventDefault(); setActive((index) => Math.min(index + 1, shown.length - 1)); }
            else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((index) => Math.max(index - 1, 0)); }
            else if (event.key === 'Enter') run(shown[active]);
          }}
        />
        <ul role="listbox" aria-label="Commands" id={listId}>
          {shown.map((command, index) => (
            <li key={command.id} id={`${listId}-${index}`} role="option" aria-selected={index === active} onMouseEnter={() => setActive(index)} onClick={() => run(command)}>
              <span>{command.label}</span>
              {command.shortcut && <kbd>{formatShortcut(command.shortcut, IS_MAC)}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
