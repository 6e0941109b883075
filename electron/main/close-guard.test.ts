import { describe, expect, it } from 'vitest';
import { answerFromButton, APP_NAME, CLOSE_DIALOG_BUTTONS, CloseGuard, windowTitle } from './close-guard.js';

function dirtyGuard(): CloseGuard {
  const guard = new CloseGuard();
  guard.onWindowState(true);
  return guard;
}

describe('CloseGuard', () => {
  it('GIVEN a clean window WHEN closing THEN closes without asking', () => {
    expect(new CloseGuard().onCloseRequested()).toBe('close');
  });

  it('GIVEN unsaved changes WHEN closing THEN asks, and a second close while asking waits', () => {
    const guard = dirtyGuard();
    expect(guard.onCloseRequested()).toBe('ask');
    expect(guard.onCloseRequested()).toBe('wait');
  });

  it("GIVEN the question WHEN the user answers Don't Save THEN closes, and the close that follows goes through", () => {
    const guard = dirtyGuard();
    guard.onCloseRequested();
    expect(guard.onAnswer('discard')).toBe('close');
    expect(guard.isClosing).toBe(true);
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('GIVEN the question WHEN the user cancels or saves THEN the window is not closing yet; once the save is done it is', () => {
    const guard = dirtyGuard();
    guard.onCloseRequested();
    guard.onAnswer('cancel');
    expect(guard.isClosing).toBe(false);
    guard.onCloseRequested();
    guard.onAnswer('save');
    expect(guard.isClosing).toBe(false);
    guard.onWindowState(false);
    expect(guard.isClosing).toBe(true);
    guard.reset();
    expect(guard.isClosing).toBe(false);
  });

  it('GIVEN the question WHEN the user cancels THEN stays, and asks again on the next close', () => {
    const guard = dirtyGuard();
    guard.onCloseRequested();
    expect(guard.onAnswer('cancel')).toBe('stay');
    expect(guard.onCloseRequested()).toBe('ask');
  });

  it('GIVEN Save WHEN the renderer reports a clean state THEN closes', () => {
    const guard = dirtyGuard();
    guard.onCloseRequested();
    expect(guard.onAnswer('save')).toBe('save-then-close');
    expect(guard.onCloseRequested()).toBe('wait');
    expect(guard.onWindowState(true)).toBe('none');
    expect(guard.onWindowState(false)).toBe('close');
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('GIVEN Save WHEN the save is cancelled THEN the window stays, and a later save does not close it', () => {
    const guard = dirtyGuard();
    guard.onCloseRequested();
    guard.onAnswer('save');
    guard.onSaveAbandoned();
    expect(guard.onWindowState(false)).toBe('none');
    guard.onWindowState(true);
    expect(guard.onCloseRequested()).toBe('ask');
  });

  it('GIVEN a window that was allowed to close WHEN reset for a new window THEN guards again', () => {
    const guard = dirtyGuard();
    guard.onCloseRequested();
    guard.onAnswer('discard');
    guard.reset();
    guard.onWindowState(true);
    expect(guard.onCloseRequested()).toBe('ask');
  });

  it('GIVEN the dialog buttons WHEN mapped THEN Save, Don’t Save and Cancel give their answers; Escape (cancelId) cancels', () => {
    expect(CLOSE_DIALOG_BUTTONS.map((_, index) => answerFromButton(index))).toStrictEqual(['save', 'discard', 'cancel']);
  });
});

describe('windowTitle', () => {
  it.each([
    [{ title: 'central.otel-topology.yaml', dirty: false }, `central.otel-topology.yaml — ${APP_NAME}`],
    [{ title: 'central.otel-topology.yaml', dirty: true }, `● central.otel-topology.yaml — ${APP_NAME}`],
    [{ title: '  ', dirty: false }, APP_NAME],
    [{ title: '', dirty: true }, `● ${APP_NAME}`],
  ])('GIVEN %o THEN the title is %s', (state, expected) => {
    expect(windowTitle(state)).toBe(expected);
  });
});
