import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store.js';
import { followSystemTheme, type DarkSchemeQuery } from './system-theme.js';

/** A `prefers-color-scheme: dark` query whose answer the test changes, as the OS setting would. */
function darkScheme(matches: boolean) {
  const events = new EventTarget();
  const query = {
    matches,
    addEventListener: (type: string, listener: EventListener) => events.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListener) => events.removeEventListener(type, listener),
    set(next: boolean) {
      query.matches = next;
      events.dispatchEvent(new Event('change'));
    },
  };
  return query as typeof query & DarkSchemeQuery;
}

describe('the theme follows the OS', () => {
  it('GIVEN the OS in dark mode WHEN the app starts THEN it is dark; WHEN the OS turns light THEN the app does too', () => {
    const store = createAppStore({ theme: 'light' });
    const os = darkScheme(true);
    followSystemTheme(store, os);
    expect(store.getState().theme).toBe('dark');
    os.set(false);
    expect(store.getState().theme).toBe('light');
    os.set(true);
    expect(store.getState().theme).toBe('dark');
  });

  it('GIVEN the user toggled the theme WHEN the OS changes later THEN the user’s choice stays', () => {
    const store = createAppStore();
    const os = darkScheme(false);
    followSystemTheme(store, os);
    store.getState().setTheme('dark');
    os.set(false);
    os.set(true);
    os.set(false);
    expect(store.getState().theme).toBe('dark');
  });

  it('GIVEN the follower stopped WHEN the OS changes THEN the theme stays', () => {
    const store = createAppStore();
    const os = darkScheme(false);
    const stop = followSystemTheme(store, os);
    stop();
    os.set(true);
    expect(store.getState().theme).toBe('light');
  });
});
