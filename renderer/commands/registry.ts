/**
 * Every user operation, once: the toolbar, keyboard shortcuts, the command palette and the
 * desktop menu (`menu:command` events) all run commands from this list.
 */
import { OPEN_RECENT_PREFIX, type DesktopApi } from '../../shared/ipc/contract.js';
import { applyLayout, computeAutoLayout } from '../canvas/auto-layout.js';
import { diagramSvg, svgToPngBase64 } from '../export/diagram-image.js';
import { runImport } from '../import/import-outcome.js';
import { deleteElements, done } from '../model/commands.js';
import { duplicateElements } from '../model/duplicate.js';
import { canRedo, canUndo, isDirty, type AppState, type AppStoreApi, type Pane } from '../state/store.js';
import { deleteSelection, pasteText, selectionText } from './clipboard.js';
import { editInFocus } from './menu-edit-in-focus.js';

export interface Command {
  readonly id: string;
  readonly label: string;
  readonly shortcut?: string;
  /**
   * The shortcut is the browser's own (Mod+C, Mod+X, Mod+V): shown in menus and the command
   * palette, but the key is left to the browser, whose clipboard event does the command's work
   * (app/clipboard-events.ts) and can reach the clipboard without asking for permission.
   */
  readonly nativeShortcut?: true;
  /** A second key for the command, not shown (Ctrl+Y for Redo, as Windows applications have it). */
  readonly alternateShortcut?: string;
  /** Runs even while the focus is in a text field or the editor (save, open...). */
  readonly global?: boolean;
  enabled?(state: AppState): boolean;
  run(): void | Promise<void>;
}

export interface CommandContext {
  readonly store: AppStoreApi;
  readonly platform: DesktopApi;
  fitView(): void;
  /** Zooms the canvas (React Flow's zoomIn / zoomOut / zoomTo(1)); absent where there is no canvas (tests). */
  zoom?(step: 'in' | 'out' | 'reset'): void;
  /** Asks before throwing away unsaved changes. */
  confirmDiscard(): boolean;
  /** The system clipboard (`navigator.clipboard`), for Copy, Cut and Paste run from the palette or a menu; absent in tests. */
  clipboard?: { readText(): Promise<string>; writeText(text: string): Promise<void> };
}

export const BLANK_TOPOLOGY = `# A new topology: drag sites, clusters, collectors and backends from the palette.
schemaVersion: 1
name: untitled
elements: []
`;

const hasDocument = (state: AppState) => state.isOpen && state.document.topology !== undefined;

/**
 * Opens the topology at `path` (a recent file, or one given to the desktop app), after asking
 * about unsaved changes; main refuses paths the user never chose.
 */
export async function openPath(context: CommandContext, path: string): Promise<void> {
  const state = context.store.getState();
  if (isDirty(state) && !context.confirmDiscard()) return;
  const result = await context.platform.channels['file:open']({ path });
  if (!result.ok) return context.store.getState().notify(result.error, 'error');
  if (result.data) context.store.getState().openDocument(result.data.text, result.data.path);
}

export function createCommands(context: CommandContext): Command[] {
  const { store, platform } = context;
  const state = () => store.getState();
  const guard = () => !isDirty(state()) || context.confirmDiscard();
  const report = (error: string) => state().notify(error, 'error');
  const clipboard = () => {
    if (!context.clipboard) throw new Error('no clipboard here');
    return context.clipboard;
  };

  return [
    {
      id: 'file.new',
      label: 'New topology',
      shortcut: 'Mod+Alt+N',
      global: true,
      run() {
        if (guard()) state().openDocument(BLANK_TOPOLOGY, null, { dirty: true });
      },
    },
    {
      id: 'file.newFromTemplate',
      label: 'New from template…',
      global: true,
      run() {
        if (guard()) state().closeDocument();
      },
    },
    {
      id: 'file.open',
      label: 'Open…',
      shortcut: 'Mod+O',
      global: true,
      async run() {
        if (!guard()) return;
        const result = await platform.channels['file:open']({});
        if (!result.ok) return report(result.error);
        if (result.data) state().openDocument(result.data.text, result.data.path);
      },
    },
    ...(['files', 'folder'] as const).map(
      (from): Command => ({
        id: from === 'files' ? 'file.import' : 'file.importFolder',
        label: from === 'files' ? 'Import collector configs or manifests…' : 'Import a folder of configs or manifests…',
        global: true,
        async run() {
          const picked = await platform.channels['file:import']({ from });
          if (!picked.ok) return report(picked.error);
          if (!picked.data) return;
          const outcome = runImport(picked.data.files);
          // A successful import replaces the open document (as a new, unsaved one); a failed one leaves it be.
          if (outcome.text !== undefined) {
            if (!guard()) return;
            state().openDocument(outcome.text, null, { dirty: true });
          }
          state().setImportReport(outcome);
        },
      }),
    ),
    ...([false, true] as const).map(
      (saveAs): Command => ({
        id: saveAs ? 'file.saveAs' : 'file.save',
        label: saveAs ? 'Save as…' : 'Save',
        shortcut: saveAs ? 'Mod+Shift+S' : 'Mod+S',
        global: true,
        enabled: (current) => current.isOpen,
        async run() {
          const { document, filePath } = state();
          const text = document.text;
          const result = await platform.channels['file:save']({ path: filePath, text, saveAs });
          if (!result.ok) return report(result.error);
          if (!result.data) return;
          state().markSaved(result.data.path, text);
          await platform.channels['recovery:clear']({});
          state().notify(`Saved ${result.data.path}`);
        },
      }),
    ),
    {
      id: 'export.bundle',
      label: 'Export bundle…',
      shortcut: 'Mod+E',
      global: true,
      enabled: hasDocument,
      // The dialog (panels/ExportDialog.tsx) lists the files, checks for errors and runs the export.
      run() {
        state().settle();
        state().setExportDialogOpen(true);
      },
    },
    ...(['svg', 'png'] as const).map(
      (format): Command => ({
        id: format === 'svg' ? 'export.diagram' : 'export.diagramPng',
        label: `Export diagram (${format.toUpperCase()})…`,
        global: true,
        enabled: hasDocument,
        async run() {
          state().settle();
          const { document, bundle } = state();
          if (!document.topology) return;
          const svg = diagramSvg(document.topology, bundle);
          let data = svg;
          try {
            if (format === 'png') data = await svgToPngBase64(svg);
          } catch (error) {
            return report(error instanceof Error ? error.message : String(error));
          }
          const result = await platform.channels['diagram:export']({ format, data, suggestedName: `${document.topology.name}.${format}` });
          if (!result.ok) return report(result.error);
          if (result.data) state().notify(`Saved the diagram as ${result.data.path}`);
        },
      }),
    ),
    {
      id: 'edit.undo',
      label: 'Undo',
      shortcut: 'Mod+Z',
      enabled: (current) => canUndo(current.history),
      run: () => state().undo(),
    },
    {
      id: 'edit.redo',
      label: 'Redo',
      shortcut: 'Mod+Shift+Z',
      alternateShortcut: 'Mod+Y',
      enabled: (current) => canRedo(current.history),
      run: () => state().redo(),
    },
    {
      id: 'edit.delete',
      label: 'Delete selection',
      shortcut: 'Delete',
      enabled: (current) => current.selection.length > 0,
      run() {
        const ids = state().selection;
        if (ids.length > 0) state().applyModel((topology) => done(deleteElements(topology, ids)));
      },
    },
    {
      id: 'edit.duplicate',
      label: 'Duplicate selection',
      shortcut: 'Mod+D',
      enabled: (current) => hasDocument(current) && current.selection.length > 0,
      run() {
        const ids = state().selection;
        // One model command, so one undo step; the copies become the selection.
        if (ids.length > 0) state().applyModel((topology) => duplicateElements(topology, ids));
      },
    },
    ...(['copy', 'cut'] as const).map(
      (verb): Command => ({
        id: `edit.${verb}`,
        label: verb === 'copy' ? 'Copy selection' : 'Cut selection',
        shortcut: verb === 'copy' ? 'Mod+C' : 'Mod+X',
        nativeShortcut: true,
        enabled: (current) => hasDocument(current) && current.selection.length > 0,
        async run() {
          const text = selectionText(store, verb);
          if (text === undefined) return;
          try {
            await clipboard().writeText(text);
          } catch (error) {
            return report(`Could not write to the clipboard: ${error instanceof Error ? error.message : String(error)}`);
          }
          // Only once the text is safe on the clipboard.
          if (verb === 'cut') deleteSelection(store);
        },
      }),
    ),
    {
      id: 'edit.paste',
      label: 'Paste',
      shortcut: 'Mod+V',
      nativeShortcut: true,
      enabled: hasDocument,
      async run() {
        let text: string;
        try {
          text = await clipboard().readText();
        } catch {
          // The desktop app may not read the clipboard by itself (only the page's paste event may).
          return report('This window may not read the clipboard: paste with Ctrl/⌘+V or Edit › Paste.');
        }
        if (!pasteText(store, text)) report('The clipboard holds no topology elements to paste.');
      },
    },
    {
      id: 'edit.selectAll',
      label: 'Select all',
      // Not global: in a text field or Monaco, Mod+A keeps selecting text.
      shortcut: 'Mod+A',
      enabled: hasDocument,
      run() {
        const topology = state().document.topology;
        if (topology) state().select(topology.elements.map((element) => element.id));
      },
    },
    {
      id: 'layout.auto',
      label: 'Auto-layout',
      shortcut: 'Shift+Alt+L',
      enabled: (current) => hasDocument(current) && current.document.problems.length === 0,
      async run() {
        const topology = state().document.topology;
        if (!topology) return;
        const layout = await computeAutoLayout(topology);
        // One model command, so one undo step; only the YAML's `layout:` section changes.
        if (state().applyModel((model) => done(applyLayout(model, layout)), { select: false })) setTimeout(() => context.fitView(), 50);
      },
    },
    {
      id: 'view.fit',
      label: 'Fit view',
      shortcut: 'Shift+1',
      enabled: hasDocument,
      run: () => context.fitView(),
    },
    ...(
      [
        ['editor', 'view.toggleEditor', 'Show/hide the YAML editor', 'Mod+Shift+E'],
        ['problems', 'view.toggleProblems', 'Show/hide the problems panel', 'Mod+Shift+M'],
        ['minimap', 'view.toggleMinimap', 'Show/hide the minimap', undefined],
      ] as const
    ).map(
      ([pane, id, label, shortcut]): Command => ({
        id,
        label,
        ...(shortcut ? { shortcut } : {}),
        // Global like the desktop menu's accelerators, which fire wherever the focus is.
        global: true,
        run: () => state().togglePane(pane satisfies Pane),
      }),
    ),
    ...(
      [
        ['in', 'view.zoomIn', 'Zoom in', 'Mod+='],
        ['out', 'view.zoomOut', 'Zoom out', 'Mod+-'],
        ['reset', 'view.zoomReset', 'Reset zoom (100 %)', 'Mod+0'],
      ] as const
    ).map(
      ([step, id, label, shortcut]): Command => ({
        id,
        label,
        shortcut,
        enabled: hasDocument,
        run: () => context.zoom?.(step),
      }),
    ),
    {
      id: 'view.toggleTheme',
      label: 'Toggle light/dark theme',
      global: true,
      run: () => state().setTheme(state().theme === 'dark' ? 'light' : 'dark'),
    },
    {
      id: 'view.commandPalette',
      label: 'Show all commands',
      shortcut: 'Mod+Shift+P',
      global: true,
      run: () => state().setCommandPaletteOpen(!state().commandPaletteOpen),
    },
  ];
}

/**
 * Runs what a `menu:command` event asks: `file.openRecent:<path>` opens that file, any other id
 * runs the registry's command of that id — if it is enabled now: the native menu greys out what
 * cannot run (app/menu-state.ts), but a click or an accelerator can come before it has caught up,
 * and File › Save on the start screen must never save an empty file. False for an id the registry
 * does not know.
 */
export function runMenuCommand(commands: readonly Command[], context: CommandContext, commandId: string): boolean {
  if (commandId.startsWith(OPEN_RECENT_PREFIX)) {
    void openPath(context, commandId.slice(OPEN_RECENT_PREFIX.length));
    return true;
  }
  if (editInFocus(commandId)) return true;
  const command = commands.find((candidate) => candidate.id === commandId);
  if (!command) return false;
  if (isEnabled(command, context.store.getState())) void command.run();
  return true;
}

export function isEnabled(command: Command, current: AppState): boolean {
  return command.enabled ? command.enabled(current) : true;
}
