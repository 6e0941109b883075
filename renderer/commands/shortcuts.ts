/** Keyboard shortcuts as written in the command registry: `Mod+Shift+S`, `Delete`, `F1`. */

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Whether `event` presses `shortcut`; `Mod` is Cmd on macOS and Ctrl elsewhere. */
export function matchesShortcut(shortcut: string, event: KeyLike, isMac: boolean): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!.toLowerCase();
  const wants = new Set(parts.map((part) => part.toLowerCase()));
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMeta = isMac ? event.ctrlKey : event.metaKey;
  if (wants.has('mod') !== mod || otherMeta) return false;
  if (wants.has('shift') !== event.shiftKey || wants.has('alt') !== event.altKey) return false;
  const pressed = event.key.toLowerCase();
  return pressed === key || (key === 'delete' && pressed === 'backspace' && !mod);
}

/** How a shortcut reads in menus and the command palette on this platform. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : part === 'Shift' && isMac ? '⇧' : part === 'Alt' && isMac ? '⌥' : part))
    .join(isMac ? '' : '+');
}
