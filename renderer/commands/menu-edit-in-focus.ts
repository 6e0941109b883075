/**
 * Edit › Undo, Redo, Select All, Delete and Duplicate from the desktop menu while a text field or
 * the YAML editor has the focus. On macOS the menu gets the ⌘ keys a text field leaves to the
 * browser (⌘A, ⌘Z, ⇧⌘Z, ⌘D: Chromium sends them back to the menu whatever `registerAccelerator`
 * says), and anywhere a click on the menu leaves the focus where it was: the `menu:command` is
 * then meant for the focused field, as the same keys are on Windows and Linux, where the page
 * keeps them. The field gets its own text edit; the canvas command does not run.
 */
import { loader } from '@monaco-editor/react';

export const MENU_EDIT_COMMANDS = ['edit.undo', 'edit.redo', 'edit.selectAll', 'edit.delete', 'edit.duplicate'] as const;
type MenuEditCommand = (typeof MENU_EDIT_COMMANDS)[number];

/** Where the focus is, as far as editing goes. */
export type EditFocus =
  /** An input that takes text, a textarea, contenteditable. */
  | 'text'
  /** The YAML editor (Monaco), which has its own commands. */
  | 'code-editor'
  /** A control whose keys are its own (checkbox, select), or anything in a dialog. */
  | 'control'
  /** The canvas, a panel, a button, nothing: the app's commands. */
  | 'app';

/** The text edits a field can do. Delete removes the selected text only, as Edit › Delete does in native apps. */
export type TextEdit = 'selectAll' | 'undo' | 'redo' | 'deleteSelection';

export type MenuEditPlan =
  | { readonly run: 'command' }
  | { readonly run: 'nothing' }
  | { readonly run: 'edit'; readonly edit: TextEdit; readonly in: 'text' | 'code-editor' };

const COMMAND: MenuEditPlan = { run: 'command' };
const NOTHING: MenuEditPlan = { run: 'nothing' };
const edit = (what: TextEdit, where: 'text' | 'code-editor'): MenuEditPlan => ({ run: 'edit', edit: what, in: where });

/**
 * What a menu command does where the focus is. In the YAML editor, undo and redo are the app's
 * (the editor's own ⌘Z steps through the app's history too); Duplicate has no text meaning, so
 * it does nothing in a field, as its key does there.
 */
const PLANS: Readonly<Record<MenuEditCommand, Readonly<Record<EditFocus, MenuEditPlan>>>> = {
  'edit.selectAll': { text: edit('selectAll', 'text'), 'code-editor': edit('selectAll', 'code-editor'), control: NOTHING, app: COMMAND },
  'edit.undo': { text: edit('undo', 'text'), 'code-editor': COMMAND, control: NOTHING, app: COMMAND },
  'edit.redo': { text: edit('redo', 'text'), 'code-editor': COMMAND, control: NOTHING, app: COMMAND },
  'edit.delete': { text: edit('deleteSelection', 'text'), 'code-editor': edit('deleteSelection', 'code-editor'), control: NOTHING, app: COMMAND },
  'edit.duplicate': { text: NOTHING, 'code-editor': NOTHING, control: NOTHING, app: COMMAND },
};

export function menuEditPlan(commandId: string, focus: EditFocus): MenuEditPlan {
  return (MENU_EDIT_COMMANDS as readonly string[]).includes(commandId) ? PLANS[commandId as MenuEditCommand][focus] : COMMAND;
}

/** What the decision reads of the focused element (an `HTMLElement` in the page). */
export interface FocusedElementLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  /** An input's type (`text` when it has none). */
  readonly type?: string;
  closest(selectors: string): unknown;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

export function editFocusOf(element: FocusedElementLike | null): EditFocus {
  if (!element) return 'app';
  // Monaco's find and rename boxes are inputs of their own; the editor types into an element of its own.
  const textField = element.isContentEditable === true || element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(element.type ?? 'text'));
  if (element.closest('.monaco-editor') && (!textField || element.closest('.monaco-editor textarea.inputarea'))) return 'code-editor';
  if (textField) return 'text';
  if (element.tagName === 'INPUT' || element.tagName === 'SELECT' || element.closest('[role="dialog"]')) return 'control';
  return 'app';
}

/** The part of a Monaco editor the edits use. */
export interface CodeEditorLike {
  trigger(source: string, handlerId: string, payload: unknown): void;
  getSelection(): { isEmpty(): boolean } | null;
}

/** What the edits use of Monaco's namespace (the loader's typings leave it untyped with Monaco 0.57). */
interface MonacoLike {
  editor: { getEditors(): Array<CodeEditorLike & { hasTextFocus(): boolean }> };
}

/** The page, as the edits see it (injected by tests). */
export interface EditSurface {
  focused(): FocusedElementLike | null;
  /** `document.execCommand` on the focused field (Chromium runs these in inputs and textareas too). */
  execCommand(command: 'selectAll' | 'undo' | 'redo' | 'delete'): boolean;
  /** Whether the focused field has text selected (not just a caret). */
  hasSelectedText(): boolean;
  /** The Monaco editor that has the text focus, if any. */
  focusedCodeEditor(): CodeEditorLike | undefined;
}

const MONACO_ACTIONS: Partial<Record<TextEdit, string>> = { selectAll: 'editor.action.selectAll', deleteSelection: 'deleteRight' };

function editCode(surface: EditSurface, what: TextEdit): void {
  const editor = surface.focusedCodeEditor();
  const action = MONACO_ACTIONS[what];
  if (!editor || !action) return;
  if (what === 'deleteSelection' && (editor.getSelection()?.isEmpty() ?? true)) return;
  editor.trigger('menu', action, null);
}

function editText(surface: EditSurface, what: TextEdit): void {
  if (what === 'deleteSelection') {
    if (surface.hasSelectedText()) surface.execCommand('delete');
    return;
  }
  surface.execCommand(what);
}

function pageSurface(): EditSurface | undefined {
  if (typeof document === 'undefined') return undefined;
  return {
    focused: () => (document.activeElement instanceof HTMLElement ? document.activeElement : null),
    execCommand: (command) => document.execCommand(command),
    hasSelectedText() {
      const element = document.activeElement;
      // Number inputs have no selectionStart (null); the document's selection shows theirs.
      if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.selectionStart !== null) {
        return element.selectionStart !== element.selectionEnd;
      }
      return (document.getSelection()?.toString() ?? '') !== '';
    },
    // The instance editor/monaco-setup.ts gave the loader (as @monaco-editor/react's useMonaco
    // reads it): importing that module here would pull Monaco into the registry and its tests.
    focusedCodeEditor: () => (loader.__getMonacoInstance() as MonacoLike | null)?.editor.getEditors().find((editor) => editor.hasTextFocus()),
  };
}

/**
 * Does what an Edit menu command means where the focus is. True when that is not the registry's
 * command (the field's text edit was done, or there is nothing to do); false to run the command.
 */
export function editInFocus(commandId: string, surface: EditSurface | undefined = pageSurface()): boolean {
  if (!surface) return false;
  const plan = menuEditPlan(commandId, editFocusOf(surface.focused()));
  if (plan.run === 'command') return false;
  if (plan.run === 'edit') {
    if (plan.in === 'text') editText(surface, plan.edit);
    else editCode(surface, plan.edit);
  }
  return true;
}
