/** Global keyboard shortcuts from the command registry. */
import type { Command } from '../commands/registry.js';
import { isEnabled } from '../commands/registry.js';
import { editFocusOf } from '../commands/menu-edit-in-focus.js';
import { matchesShortcut } from '../commands/shortcuts.js';
import { appStore } from './app-store.js';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Whether the focus is where keys type text (inputs, the Monaco editor), on a control with keys of
 * its own (a select) or in a dialog: anywhere but the app itself, as the Edit menu tells them apart.
 */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && editFocusOf(target) !== 'app';
}

export function installShortcuts(commands: readonly Command[]): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const typing = isTyping(event.target);
    for (const command of commands) {
      if (!command.shortcut || command.nativeShortcut) continue;
      if (!matchesShortcut(command.shortcut, event, IS_MAC) && !(command.alternateShortcut && matchesShortcut(command.alternateShortcut, event, IS_MAC))) continue;
      if (typing && !command.global) return;
      event.preventDefault();
      if (isEnabled(command, appStore.getState())) void command.run();
      return;
    }
  };
  window.addEventListener('keydown', onKeyDown, true);
  return () => window.removeEventListener('keydown', onKeyDown, true);
}
