/** The three answers of the unsaved-changes question, in the order the dialog shows its buttons. */
export const CLOSE_DIALOG_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;
export type CloseAnswer = 'save' | 'discard' | 'cancel';

export function answerFromButton(index: number): CloseAnswer {
  return index === 0 ? 'save' : index === 1 ? 'discard' : 'cancel';
}

/** What main does when a window is about to close. */
export type CloseDecision =
  /** Let it close. */
  | 'close'
  /** Stop the close and ask the user. */
  | 'ask'
  /** Stop the close: a question is already open, or a save asked for by the close is running. */
  | 'wait';

/** What main does after the user answered. */
export type AnswerAction =
  /** Tell the renderer to save (`file.save`); close once it reports a clean state. */
  | 'save-then-close'
  | 'close'
  | 'stay';

/**
 * The unsaved-changes guard of one window, as plain state: main feeds it the renderer's
 * `window:state`, close attempts, the user's answer and the outcome of saves, and does what it
 * says. No Electron here, so every path is tested.
 */
export class CloseGuard {
  private dirty = false;
  private asking = false;
  private closeAfterSave = false;
  private allowed = false;

  /** A new window starts clean, with nothing pending. */
  reset(): void {
    this.dirty = false;
    this.asking = false;
    this.closeAfterSave = false;
    this.allowed = false;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** The window was let go (Don't Save, or the save asked for by the close finished): it closes now. */
  get isClosing(): boolean {
    return this.allowed;
  }

  /** The window wants to close (the close button, Quit, the OS). */
  onCloseRequested(): CloseDecision {
    if (this.allowed || !this.dirty) return 'close';
    if (this.asking || this.closeAfterSave) return 'wait';
    this.asking = true;
    return 'ask';
  }

  onAnswer(answer: CloseAnswer): AnswerAction {
    this.asking = false;
    if (answer === 'discard') {
      this.allowed = true;
      return 'close';
    }
    if (answer === 'save') {
      this.closeAfterSave = true;
      return 'save-then-close';
    }
    return 'stay';
  }

  /** The renderer reported its state; `'close'` when a save requested by closing has finished. */
  onWindowState(dirty: boolean): 'close' | 'none' {
    this.dirty = dirty;
    if (this.closeAfterSave && !dirty) {
      this.closeAfterSave = false;
      this.allowed = true;
      return 'close';
    }
    return 'none';
  }

  /** A save was cancelled or failed: the window stays open, and a later save will not close it. */
  onSaveAbandoned(): void {
    this.closeAfterSave = false;
  }
}

export const APP_NAME = 'OTel Topology Designer';

/** "● central.otel-topology.yaml — OTel Topology Designer"; the app's name alone before a document has a name. */
export function windowTitle(state: { title: string; dirty: boolean }): string {
  const name = state.title.trim();
  if (name === '') return state.dirty ? `● ${APP_NAME}` : APP_NAME;
  return `${state.dirty ? '● ' : ''}${name} — ${APP_NAME}`;
}
