import { describe, expect, it, vi } from 'vitest';
import { editFocusOf, editInFocus, menuEditPlan, type CodeEditorLike, type EditFocus, type EditSurface, type FocusedElementLike } from './menu-edit-in-focus.js';

/** An element: its tag, and the selectors `closest` finds from it (itself or an ancestor). */
function element(tagName: string, options: { type?: string; contentEditable?: boolean; inside?: string[] } = {}): FocusedElementLike {
  const inside = new Set(options.inside ?? []);
  return {
    tagName,
    isContentEditable: options.contentEditable ?? false,
    ...(options.type === undefined ? {} : { type: options.type }),
    closest: (selectors: string) => (selectors.split(',').some((selector) => inside.has(selector.trim())) ? {} : null),
  };
}

describe('where the focus is', () => {
  it.each<[string, FocusedElementLike | null, EditFocus]>([
    ['nothing focused', null, 'app'],
    ['the canvas', element('DIV', { inside: ['.react-flow'] }), 'app'],
    ['a toolbar button', element('BUTTON'), 'app'],
    ['an inspector text field', element('INPUT', { type: 'text' }), 'text'],
    ['an inspector number field', element('INPUT', { type: 'number' }), 'text'],
    ['the palette search box', element('INPUT', { type: 'search' }), 'text'],
    ['a textarea', element('TEXTAREA'), 'text'],
    ['contenteditable', element('DIV', { contentEditable: true }), 'text'],
    ['the command palette search (a text field in a dialog)', element('INPUT', { type: 'text', inside: ['[role="dialog"]'] }), 'text'],
    ['the YAML editor (Monaco types into a div of its own)', element('DIV', { inside: ['.monaco-editor'] }), 'code-editor'],
    ['the YAML editor in its textarea mode', element('TEXTAREA', { inside: ['.monaco-editor', '.monaco-editor textarea.inputarea'] }), 'code-editor'],
    ['Monaco’s find box', element('TEXTAREA', { inside: ['.monaco-editor'] }), 'text'],
    ['a checkbox', element('INPUT', { type: 'checkbox' }), 'control'],
    ['a select', element('SELECT'), 'control'],
    ['a button in a dialog', element('BUTTON', { inside: ['[role="dialog"]'] }), 'control'],
  ])('GIVEN %s THEN the focus is %s', (_name, focused, expected) => {
    expect(editFocusOf(focused)).toBe(expected);
  });
});

describe('what an Edit menu command does where the focus is', () => {
  const command = { run: 'command' };
  const nothing = { run: 'nothing' };
  it.each<[string, EditFocus, object]>([
    ['edit.selectAll', 'app', command],
    ['edit.selectAll', 'text', { run: 'edit', edit: 'selectAll', in: 'text' }],
    ['edit.selectAll', 'code-editor', { run: 'edit', edit: 'selectAll', in: 'code-editor' }],
    ['edit.selectAll', 'control', nothing],
    ['edit.undo', 'app', command],
    ['edit.undo', 'text', { run: 'edit', edit: 'undo', in: 'text' }],
    // The editor's ⌘Z walks the app's history: so does the menu's Undo there.
    ['edit.undo', 'code-editor', command],
    ['edit.undo', 'control', nothing],
    ['edit.redo', 'app', command],
    ['edit.redo', 'text', { run: 'edit', edit: 'redo', in: 'text' }],
    ['edit.redo', 'code-editor', command],
    ['edit.redo', 'control', nothing],
    ['edit.delete', 'app', command],
    ['edit.delete', 'text', { run: 'edit', edit: 'deleteSelection', in: 'text' }],
    ['edit.delete', 'code-editor', { run: 'edit', edit: 'deleteSelection', in: 'code-editor' }],
    ['edit.delete', 'control', nothing],
    ['edit.duplicate', 'app', command],
    ['edit.duplicate', 'text', nothing],
    ['edit.duplicate', 'code-editor', nothing],
    ['edit.duplicate', 'control', nothing],
    // Commands with no text meaning run wherever the focus is.
    ['file.save', 'text', command],
    ['layout.auto', 'code-editor', command],
    ['view.zoomIn', 'control', command],
  ])('GIVEN %s with the focus in %s THEN %o', (commandId, focus, expected) => {
    expect(menuEditPlan(commandId, focus)).toStrictEqual(expected);
  });
});

function surface(focused: FocusedElementLike | null, options: { selectedText?: boolean; editor?: CodeEditorLike } = {}) {
  const execCommand = vi.fn<EditSurface['execCommand']>(() => true);
  const page: EditSurface = {
    focused: () => focused,
    execCommand,
    hasSelectedText: () => options.selectedText ?? false,
    focusedCodeEditor: () => options.editor,
  };
  return { page, execCommand };
}

function codeEditor(selectionEmpty: boolean) {
  return { trigger: vi.fn(), getSelection: () => ({ isEmpty: () => selectionEmpty }) };
}

describe('running an Edit menu command where the focus is', () => {
  it('GIVEN no page (tests, the web build’s Node side) WHEN a command arrives THEN the registry runs it', () => {
    expect(editInFocus('edit.selectAll', undefined)).toBe(false);
  });

  it('GIVEN the canvas WHEN Select All arrives THEN the registry runs it and no text is touched', () => {
    const { page, execCommand } = surface(element('DIV'));
    expect(editInFocus('edit.selectAll', page)).toBe(false);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it.each([
    ['edit.selectAll', 'selectAll'],
    ['edit.undo', 'undo'],
    ['edit.redo', 'redo'],
  ])('GIVEN a text field WHEN %s arrives THEN the field does %s and the registry does not run', (commandId, native) => {
    const { page, execCommand } = surface(element('INPUT', { type: 'text' }));
    expect(editInFocus(commandId, page)).toBe(true);
    expect(execCommand.mock.calls).toStrictEqual([[native]]);
  });

  it('GIVEN a text field WHEN Delete arrives THEN selected text is deleted; with only a caret nothing is', () => {
    const selected = surface(element('TEXTAREA'), { selectedText: true });
    expect(editInFocus('edit.delete', selected.page)).toBe(true);
    expect(selected.execCommand.mock.calls).toStrictEqual([['delete']]);

    const caret = surface(element('TEXTAREA'), { selectedText: false });
    expect(editInFocus('edit.delete', caret.page)).toBe(true);
    expect(caret.execCommand).not.toHaveBeenCalled();
  });

  it('GIVEN a text field WHEN Duplicate arrives THEN nothing happens: the canvas selection is not duplicated under the typing', () => {
    const { page, execCommand } = surface(element('INPUT', { type: 'number' }));
    expect(editInFocus('edit.duplicate', page)).toBe(true);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('GIVEN the YAML editor WHEN Select All arrives THEN the editor selects all its text', () => {
    const editor = codeEditor(true);
    const { page, execCommand } = surface(element('DIV', { inside: ['.monaco-editor'] }), { editor });
    expect(editInFocus('edit.selectAll', page)).toBe(true);
    expect(editor.trigger.mock.calls).toStrictEqual([['menu', 'editor.action.selectAll', null]]);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('GIVEN the YAML editor WHEN Delete arrives THEN it deletes the selected text, and nothing with only a caret', () => {
    const selected = codeEditor(false);
    expect(editInFocus('edit.delete', surface(element('DIV', { inside: ['.monaco-editor'] }), { editor: selected }).page)).toBe(true);
    expect(selected.trigger.mock.calls).toStrictEqual([['menu', 'deleteRight', null]]);

    const caret = codeEditor(true);
    expect(editInFocus('edit.delete', surface(element('DIV', { inside: ['.monaco-editor'] }), { editor: caret }).page)).toBe(true);
    expect(caret.trigger).not.toHaveBeenCalled();
  });

  it('GIVEN the YAML editor WHEN Undo arrives THEN the registry runs it (the app’s history, as ⌘Z there)', () => {
    const editor = codeEditor(true);
    expect(editInFocus('edit.undo', surface(element('DIV', { inside: ['.monaco-editor'] }), { editor }).page)).toBe(false);
    expect(editor.trigger).not.toHaveBeenCalled();
  });

  it('GIVEN a dialog’s button WHEN Select All or Undo arrives THEN nothing happens, as with their keys there', () => {
    const { page, execCommand } = surface(element('BUTTON', { inside: ['[role="dialog"]'] }));
    expect(editInFocus('edit.selectAll', page)).toBe(true);
    expect(editInFocus('edit.undo', page)).toBe(true);
    expect(execCommand).not.toHaveBeenCalled();
  });
});
