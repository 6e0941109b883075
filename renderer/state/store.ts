/**
 * The one store of the renderer: the open document (text + last valid model), what the engine
 * made of it, the selection and the undo history. Plain zustand (vanilla), so the commands and
 * tests use it without React; components subscribe through `useApp`.
 */
import { createStore } from 'zustand/vanilla';
import type { Bundle } from '../../shared/engine/bundle.js';
import { createEngineSession, type EngineSession } from '../../shared/engine/session.js';
import type { ModelPath } from '../../shared/io/problem.js';
import { locate } from '../../shared/io/yaml-document.js';
import type { Topology } from '../../shared/model/topology.js';
import type { ImportOutcome } from '../import/import-outcome.js';
import type { Diagnostic } from '../../shared/validation/diagnostic.js';
import type { Outcome } from '../model/commands.js';
import { changeDocument, EMPTY_DOCUMENT, readDocument, type DocumentState } from './document.js';
import { canRedo, canUndo, currentText, record, redo, startHistory, undo, type History } from './history.js';

export type Theme = 'light' | 'dark';
/** Parts of the window the View menu shows and hides. */
export type Pane = 'editor' | 'problems' | 'minimap';
export type EditorTab = 'topology' | 'generated';

export interface AppState {
  /** False on the start screen. */
  readonly isOpen: boolean;
  readonly document: DocumentState;
  readonly history: History;
  readonly diagnostics: readonly Diagnostic[];
  readonly bundle: Bundle | undefined;
  readonly selection: readonly string[];
  readonly filePath: string | null;
  /** Text as last saved (or opened): the document is dirty when it differs. */
  readonly savedText: string;
  readonly theme: Theme;
  readonly message: { readonly text: string; readonly kind: 'info' | 'error'; readonly at: number } | undefined;
  /** A request to the YAML editor to show a line; `nonce` tells repeated requests apart. */
  readonly reveal: { readonly line: number; readonly column: number; readonly nonce: number } | undefined;
  readonly editorTab: EditorTab;
  /** Which of the optional panes are shown (all, at first). */
  readonly panes: Readonly<Record<Pane, boolean>>;
  readonly commandPaletteOpen: boolean;
  readonly exportDialogOpen: boolean;
  /** The report of the last File › Import, while its dialog is open. */
  readonly importReport: ImportOutcome | undefined;
}

export interface AppActions {
  openDocument(text: string, path: string | null, options?: { dirty?: boolean }): void;
  closeDocument(): void;
  /** The editor's text changed (typing merges into one undo step). */
  editText(text: string): void;
  /** Runs a model command; false (with a message) when it could not apply. */
  applyModel(change: (topology: Topology) => Outcome, options?: { select?: boolean }): boolean;
  /** Runs the engine now if a newly opened document is still waiting for it (before an export). */
  settle(): void;
  undo(): void;
  redo(): void;
  select(ids: readonly string[]): void;
  /** Selects the elements of a diagnostic and shows its path in the YAML. */
  revealPath(path: ModelPath | undefined): void;
  revealLine(line: number, column?: number): void;
  markSaved(path: string, text: string): void;
  setTheme(theme: Theme): void;
  setEditorTab(tab: EditorTab): void;
  /** Shows or hides a pane (the opposite of now, without `visible`). */
  togglePane(pane: Pane, visible?: boolean): void;
  setCommandPaletteOpen(open: boolean): void;
  setExportDialogOpen(open: boolean): void;
  setImportReport(report: ImportOutcome | undefined): void;
  notify(text: string, kind?: 'info' | 'error'): void;
}

export type AppStore = AppState & AppActions;

export function isDirty(state: AppState): boolean {
  return state.isOpen && state.document.text !== state.savedText;
}

export { canRedo, canUndo };

export interface AppStoreOptions extends Partial<Pick<AppState, 'theme'>> {
  /**
   * When to run the engine for a newly opened document: the app passes "once the page is idle",
   * so a large topology is drawn first and its problems and generated files follow; at once by
   * default. An edit before then runs it as usual.
   */
  readonly afterOpen?: (run: () => void) => void;
}

export function createAppStore(initial: AppStoreOptions = {}) {
  let session: EngineSession = createEngineSession();
  let nonce = 0;
  let openings = 0;

  return createStore<AppStore>()((set, get) => {
    /** The state that follows a new document state: engine output, pruned selection. */
    const derive = (document: DocumentState): Partial<AppState> => {
      const previous = get().document;
      if (document.topology === previous.topology && get().bundle) return { document };
      if (!document.topology) return { document, diagnostics: [], bundle: undefined, selection: [] };
      const result = session.update(document.topology, { topologyText: document.text });
      const ids = new Set(document.topology.elements.map((element) => element.id));
      return {
        document,
        diagnostics: result.diagnostics,
        bundle: result.bundle,
        selection: get().selection.filter((id) => ids.has(id)),
      };
    };

    return {
      isOpen: false,
      document: EMPTY_DOCUMENT,
      history: startHistory(''),
      diagnostics: [],
      bundle: undefined,
      selection: [],
      filePath: null,
      savedText: '',
      theme: initial.theme ?? 'light',
      message: undefined,
      reveal: undefined,
      editorTab: 'topology',
      panes: { editor: true, problems: true, minimap: true },
      commandPaletteOpen: false,
      exportDialogOpen: false,
      importReport: undefined,

      openDocument(text, path, options = {}) {
        session = createEngineSession();
        set({ document: EMPTY_DOCUMENT, bundle: undefined, diagnostics: [], selection: [] });
        const document = readDocument(EMPTY_DOCUMENT, text);
        const opening = ++openings;
        const later = document.topology ? initial.afterOpen : undefined;
        // Unless an edit (or another document) came first, the engine runs then.
        later?.(() => {
          if (opening === openings) get().settle();
        });
        set({
          ...(later ? { document } : derive(document)),
          isOpen: true,
          history: startHistory(text),
          filePath: path,
          savedText: options.dirty ? '' : text,
          selection: [],
          reveal: undefined,
          message: undefined,
        });
      },

      settle() {
        if (get().bundle === undefined && get().document.topology) set(derive(get().document));
      },

      closeDocument() {
        session = createEngineSession();
        set({ isOpen: false, document: EMPTY_DOCUMENT, history: startHistory(''), diagnostics: [], bundle: undefined, selection: [], filePath: null, savedText: '' });
      },

      editText(text) {
        const state = get();
        if (text === state.document.text) return;
        set({ ...derive(readDocument(state.document, text)), history: record(state.history, text, { group: 'typing', at: Date.now() }) });
      },

      applyModel(change, options = {}) {
        const state = get();
        let created: readonly string[] | undefined;
        let error: string | undefined;
        const result = changeDocument(state.document, (topology) => {
          const outcome = change(topology);
          if (!outcome.ok) {
            error = outcome.error;
            return topology;
          }
          // A command that makes several elements (duplicate) lists them all; they become the selection.
          created = outcome.ids ?? (outcome.id ? [outcome.id] : undefined);
          return outcome.topology;
        });
        if (!result.ok || error) {
          get().notify(error ?? (result.ok ? 'Nothing changed.' : result.error), 'error');
          return false;
        }
        if (result.document === state.document) return true;
        set({
          ...derive(result.document),
          history: record(state.history, result.document.text),
          ...(options.select !== false && created ? { selection: [...created] } : {}),
        });
        if (result.document.problems.length > 0) get().notify(result.document.problems[0]!.message, 'error');
        return true;
      },

      undo() {
        const state = get();
        if (!canUndo(state.history)) return;
        const history = undo(state.history);
        set({ ...derive(readDocument(state.document, currentText(history))), history });
      },

      redo() {
        const state = get();
        if (!canRedo(state.history)) return;
        const history = redo(state.history);
        set({ ...derive(readDocument(state.document, currentText(history))), history });
      },

      select(ids) {
        const current = get().selection;
        if (current.length === ids.length && current.every((id, index) => id === ids[index])) return;
        set({ selection: [...ids] });
      },

      revealPath(path) {
        const parsed = get().document.parsed;
        if (!path || !parsed) return;
        const position = locate(parsed, path);
        if (position) get().revealLine(position.line, position.column);
      },

      revealLine(line, column = 1) {
        // Showing a line shows the editor, if the user had hidden it.
        set({ reveal: { line, column, nonce: ++nonce }, editorTab: 'topology', panes: { ...get().panes, editor: true } });
      },

      markSaved(path, text) {
        set({ filePath: path, savedText: text });
      },

      setTheme(theme) {
        set({ theme });
      },

      setEditorTab(tab) {
        set({ editorTab: tab });
      },

      togglePane(pane, visible) {
        const panes = get().panes;
        const next = visible ?? !panes[pane];
        if (panes[pane] !== next) set({ panes: { ...panes, [pane]: next } });
      },

      setCommandPaletteOpen(open) {
        set({ commandPaletteOpen: open });
      },

      setExportDialogOpen(open) {
        set({ exportDialogOpen: open });
      },

      setImportReport(report) {
        set({ importReport: report });
      },

      notify(text, kind = 'info') {
        set({ message: { text, kind, at: Date.now() } });
      },
    };
  });
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
