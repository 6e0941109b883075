/**
 * Tells the desktop shell which menu commands can run now (`menu:state`), so the native menu
 * greys out the others as desktop apps do. What can run is what `runMenuCommand` would do with the
 * item's `menu:command`: an Edit item does the focused text field's or editor's own edit first
 * (commands/menu-edit-in-focus.ts) — Undo stays enabled in a text field with no canvas history,
 * Duplicate is greyed out there — and otherwise the registry command runs if it is enabled.
 *
 * The set is worked out again after a change of the app state or of the focus, at most once per
 * MENU_STATE_INTERVAL_MS (a drag changes the state every frame), and sent only when it differs
 * from the last one sent: main rebuilds the whole menu for each.
 */
import { MENU_COMMANDS, type DesktopApi, type MenuCommandId } from '../../shared/ipc/contract.js';
import { editFocusOf, menuEditPlan, type EditFocus } from '../commands/menu-edit-in-focus.js';
import { isEnabled, type Command } from '../commands/registry.js';
import type { AppState, AppStoreApi } from '../state/store.js';

export const MENU_STATE_INTERVAL_MS = 250;

export type MenuEnabled = Record<MenuCommandId, boolean>;

/** Where the focus is, and a way to hear it move (the page's, or a test's). */
export interface FocusSource {
  current(): EditFocus;
  subscribe(listener: () => void): () => void;
}

/** Whether each menu item would do something now, as `runMenuCommand` decides. */
export function menuEnabled(commands: readonly Command[], state: AppState, focus: EditFocus): MenuEnabled {
  const byId = new Map(commands.map((command) => [command.id, command]));
  const entries = MENU_COMMANDS.map((id): [MenuCommandId, boolean] => {
    const plan = menuEditPlan(id, focus);
    if (plan.run !== 'command') return [id, plan.run === 'edit'];
    const command = byId.get(id);
    return [id, command !== undefined && isEnabled(command, state)];
  });
  return Object.fromEntries(entries) as MenuEnabled;
}

/** The page's focus: `focusin` and `focusout` bubble to the document from any field. */
export function pageFocus(): FocusSource {
  return {
    current: () => editFocusOf(document.activeElement instanceof HTMLElement ? document.activeElement : null),
    subscribe(listener) {
      document.addEventListener('focusin', listener);
      document.addEventListener('focusout', listener);
      return () => {
        document.removeEventListener('focusin', listener);
        document.removeEventListener('focusout', listener);
      };
    },
  };
}

/** Sends the set at once (main starts with every item enabled), then as it changes; returns the unsubscribe. */
export function followMenuState(
  store: AppStoreApi,
  commands: readonly Command[],
  channels: Pick<DesktopApi['channels'], 'menu:state'>,
  focus: FocusSource = pageFocus(),
): () => void {
  let lastSent: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    timer = undefined;
    const enabled = menuEnabled(commands, store.getState(), focus.current());
    const key = MENU_COMMANDS.map((id) => (enabled[id] ? '1' : '0')).join('');
    if (key === lastSent) return;
    lastSent = key;
    // A refused or failed report is sent again after the next change.
    const forget = () => {
      if (lastSent === key) lastSent = undefined;
    };
    void channels['menu:state']({ enabled }).then((result) => {
      if (!result.ok) forget();
    }, forget);
  };
  // Not a debounce that waits for quiet: a long drag still updates the menu a few times a second.
  const schedule = () => {
    timer ??= setTimeout(send, MENU_STATE_INTERVAL_MS);
  };

  send();
  const unsubscribeStore = store.subscribe(schedule);
  const unsubscribeFocus = focus.subscribe(schedule);
  return () => {
    clearTimeout(timer);
    unsubscribeStore();
    unsubscribeFocus();
  };
}
