/**
 * Closing a window that had unsaved changes, after the user's answer: what the close guard
 * decides, plus the recovery file. Once the work was saved or discarded, the recovery file holds
 * nothing to offer, and left behind it would bring discarded work back at the next start.
 */
import type { AnswerAction, CloseAnswer, CloseGuard } from './close-guard.js';
import type { RecoveryStore } from './recovery.js';

export interface ClosingDeps {
  closeGuard: CloseGuard;
  recovery: Pick<RecoveryStore, 'clear'>;
  /** Closes the window (the guard lets it through). */
  close(): void;
  /** Asks the renderer to save (`file.save`); it reports a clean `window:state` once saved. */
  save(): void;
  log(message: string, error: unknown): void;
}

/** Clears the recovery file, then closes; a failed clear is logged and the window closes anyway. */
export async function closeForGood({ recovery, close, log }: Pick<ClosingDeps, 'recovery' | 'close' | 'log'>): Promise<void> {
  try {
    await recovery.clear();
  } catch (error) {
    log('recovery: could not clear the recovery file on close', error);
  }
  close();
}

/** Does what the answer to "Save changes before closing?" asks. */
export async function answerCloseQuestion(answer: CloseAnswer, deps: ClosingDeps): Promise<AnswerAction> {
  const action = deps.closeGuard.onAnswer(answer);
  if (action === 'close') await closeForGood(deps);
  if (action === 'save-then-close') deps.save();
  return action;
}
