import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, currentText, record, redo, startHistory, undo } from './history.js';

describe('history', () => {
  it('GIVEN two steps WHEN undone and redone THEN the texts come back in order', () => {
    let history = record(record(startHistory('a'), 'b'), 'c');
    history = undo(history);
    expect(currentText(history)).toBe('b');
    history = undo(history);
    expect(currentText(history)).toBe('a');
    expect(canUndo(history)).toBe(false);
    history = redo(history);
    expect(currentText(history)).toBe('b');
  });

  it('GIVEN an undone step WHEN a new one is recorded THEN the redo branch is dropped', () => {
    const history = record(undo(record(startHistory('a'), 'b')), 'c');
    expect(history.entries).toStrictEqual(['a', 'c']);
    expect(canRedo(history)).toBe(false);
  });

  it('GIVEN typing in quick succession WHEN recorded THEN it is one step; a pause starts a new one', () => {
    let history = record(startHistory(''), 'a', { group: 'typing', at: 0 });
    history = record(history, 'ab', { group: 'typing', at: 300 });
    expect(history.entries).toStrictEqual(['', 'ab']);
    history = record(history, 'abc', { group: 'typing', at: 5000 });
    expect(history.entries).toStrictEqual(['', 'ab', 'abc']);
  });

  it('GIVEN the same text WHEN recorded THEN nothing changes', () => {
    const history = startHistory('a');
    expect(record(history, 'a')).toBe(history);
  });
});
