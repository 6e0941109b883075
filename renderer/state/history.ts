/**
 * Undo/redo over whole topology texts. Every command and every pause in typing is one step;
 * keystrokes that follow each other closely in the editor join the same step.
 */
export interface History {
  readonly entries: readonly string[];
  readonly index: number;
  /** The group and time of the last step, so editor keystrokes can be merged into it. */
  readonly group?: string;
  readonly at?: number;
}

const MAX_ENTRIES = 200;
/** Keystrokes closer than this are one undo step. */
export const TYPING_MERGE_MS = 1000;

export function startHistory(text: string): History {
  return { entries: [text], index: 0 };
}

export function currentText(history: History): string {
  return history.entries[history.index]!;
}

/**
 * Records `text` as the new present, dropping the redo branch. With the same `group` as the
 * last step within `TYPING_MERGE_MS`, the last step is replaced instead of a new one added.
 */
export function record(history: History, text: string, options: { group?: string; at?: number } = {}): History {
  if (text === currentText(history)) return history;
  const merge =
    options.group !== undefined &&
    options.group === history.group &&
    options.at !== undefined &&
    history.at !== undefined &&
    options.at - history.at < TYPING_MERGE_MS &&
    history.index > 0;
  const kept = history.entries.slice(0, merge ? history.index : history.index + 1);
  const entries = [...kept, text].slice(-MAX_ENTRIES);
  return {
    entries,
    index: entries.length - 1,
    ...(options.group !== undefined ? { group: options.group } : {}),
    ...(options.at !== undefined ? { at: options.at } : {}),
  };
}

export const canUndo = (history: History) => history.index > 0;
export const canRedo = (history: History) => history.index < history.entries.length - 1;

export function undo(history: History): History {
  return canUndo(history) ? { entries: history.entries, index: history.index - 1 } : history;
}

export function redo(history: History): History {
  return canRedo(history) ? { entries: history.entries, index: history.index + 1 } : history;
}
