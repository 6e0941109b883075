/** The window: toolbar, palette, canvas, inspector, editor, problems and status bar. */
import { useEffect, useMemo } from 'react';
import { Canvas } from '../canvas/Canvas.js';
import { createCommands, openPath, runMenuCommand, type CommandContext } from '../commands/registry.js';
import { EditorPane } from '../editor/EditorPane.js';
import { CommandPalette } from '../panels/CommandPalette.js';
import { ExportDialog } from '../panels/ExportDialog.js';
import { ImportDialog } from '../panels/ImportDialog.js';
import { Inspector } from '../panels/Inspector.js';
import { Palette } from '../panels/Palette.js';
import { ProblemsPanel, StatusBar } from '../panels/ProblemsPanel.js';
import { StartScreen } from '../panels/StartScreen.js';
import { Toolbar } from '../panels/Toolbar.js';
import { platform } from '../platform/index.js';
import { appStore, canvasControl, useApp } from './app-store.js';
import { installClipboardEvents } from './clipboard-events.js';
import { installShortcuts } from './keyboard.js';
import { followMenuState } from './menu-state.js';
import { onOpenRequested } from './open-requests.js';
import { DARK_SCHEME_QUERY, followSystemTheme } from './system-theme.js';
import { followWindowState } from './window-state.js';
import { isDirty } from '../state/store.js';


export function App() {
  const isOpen = useApp((state) => state.isOpen);
  const theme = useApp((state) => state.theme);
  const panes = useApp((state) => state.panes);
  const context = useMemo<CommandContext>(
    () => ({
      store: appStore,
      platform,
      fitView: () => canvasControl.fitView(),
      zoom: (step) => (step === 'in' ? canvasControl.zoomIn() : step === 'out' ? canvasControl.zoomOut() : canvasControl.zoomReset()),
      confirmDiscard: () => window.confirm('Discard the unsaved changes?'),
      clipboard: { readText: () => navigator.clipboard.readText(), writeText: (text) => navigator.clipboard.writeText(text) },
    }),
    [],
  );
  const commands = useMemo(() => createCommands(context), [context]);

  useEffect(() => installShortcuts(commands), [commands]);
  // Ctrl/⌘+C, X, V and the desktop menu's Edit › Cut, Copy, Paste on canvas elements.
  useEffect(() => installClipboardEvents(appStore), []);

  // The desktop menu runs registry commands by id.
  useEffect(
    () =>
      platform.on('menu:command', ({ commandId }) => {
        if (!runMenuCommand(commands, context, commandId)) console.warn(`No command ${commandId}`);
      }),
    [commands, context],
  );

  // The desktop menu greys out what cannot run now (a browser has no menu to tell).
  useEffect(() => (platform.kind === 'electron' ? followMenuState(appStore, commands, platform.channels) : undefined), [commands]);

  // A file given to the desktop app (command line, second launch, macOS open-file).
  useEffect(() => onOpenRequested((path) => void openPath(context, path)), [context]);

  // Light or dark as the OS says, also when it changes, until the user toggles the theme.
  useEffect(() => (window.matchMedia ? followSystemTheme(appStore, window.matchMedia(DARK_SCHEME_QUERY)) : undefined), []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Window title and dirty marker; unsaved work goes to the recovery store a little after each change.
  useEffect(() => followWindowState(appStore, platform.channels), []);

  // The browser asks before a tab with unsaved work closes (Electron's main process does it there).
  useEffect(() => {
    if (platform.kind !== 'web') return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isDirty(appStore.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <div className="app">
      <Toolbar commands={commands} />
      {isOpen ? (
        <div className={`workspace${panes.editor ? '' : ' without-editor'}`}>
          <Palette />
          <div className={`centre${panes.problems ? '' : ' without-problems'}`}>
            <Canvas />
            {/* Hidden, not unmounted: the panes keep their state (Monaco's undo stack, scroll). */}
            <ProblemsPanel hidden={!panes.problems} />
          </div>
          <div className="side">
            <Inspector />
            <EditorPane hidden={!panes.editor} />
          </div>
        </div>
      ) : (
        <StartScreen commands={commands} {...(platform.reopensRecent ? { openRecent: (path: string) => openPath(context, path) } : {})} />
      )}
      <StatusBar />
      <CommandPalette commands={commands} />
      <ExportDialog />
      <ImportDialog />
    </div>
  );
}
