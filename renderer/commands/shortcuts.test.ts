import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut } from './shortcuts.js';

const key = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers,
});

describe('shortcuts', () => {
  it.each([
    ['Mod+S', key('s', { ctrlKey: true }), false, true],
    ['Mod+S', key('s', { metaKey: true }), true, true],
    ['Mod+S', key('s', { metaKey: true }), false, false],
    ['Mod+S', key('S', { ctrlKey: true, shiftKey: true }), false, false],
    ['Mod+Shift+P', key('P', { ctrlKey: true, shiftKey: true }), false, true],
    ['Delete', key('Backspace'), false, true],
    ['Delete', key('Delete', { ctrlKey: true }), false, false],
  ])('%s matches %j on mac=%s: %s', (shortcut, event, isMac, expected) => {
    expect(matchesShortcut(shortcut, event, isMac)).toBe(expected);
  });

  it('formats for the platform', () => {
    expect(formatShortcut('Mod+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(formatShortcut('Mod+Shift+S', true)).toBe('⌘⇧S');
  });
});
