/**
 * Light or dark as the operating system says, live: a change of the OS setting while the app runs
 * changes the app's theme too (in Electron, `prefers-color-scheme` follows the OS's). Once the user
 * picks a theme themselves (View › Toggle Theme), that choice stays for the session.
 */
import type { AppStoreApi, Theme } from '../state/store.js';

/** The part of `window.matchMedia('(prefers-color-scheme: dark)')` used here. */
export type DarkSchemeQuery = Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;

export const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';

const systemTheme = (query: DarkSchemeQuery): Theme => (query.matches ? 'dark' : 'light');

/** Keeps the store's theme on the system's until the user sets another; returns the stop. */
export function followSystemTheme(store: AppStoreApi, query: DarkSchemeQuery): () => void {
  const onChange = () => store.getState().setTheme(systemTheme(query));
  // A theme that differs from the system's was chosen by the user: stop following.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.theme !== previous.theme && state.theme !== systemTheme(query)) stop();
  });
  function stop() {
    query.removeEventListener('change', onChange);
    unsubscribe();
  }
  query.addEventListener('change', onChange);
  onChange();
  return stop;
}
