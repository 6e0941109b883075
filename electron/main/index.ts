/**
 * The main process: the only module that imports Electron. It creates the window and wires
 * Electron's objects to the plain, tested modules next to it.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent } from 'electron';
import * as fs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBundle } from '../../cli/write-bundle.js';
import { answerFromButton, APP_NAME, CLOSE_DIALOG_BUTTONS, CloseGuard } from './close-guard.js';
import { answerCloseQuestion } from './closing.js';
import { createDialogs, type NativeDialog } from './dialogs.js';
import { createFileService } from './file-service.js';
import { createHandlers, type AppWindow } from './handlers.js';
import { registerHandlers } from './ipc.js';
import { buildMenuTemplate, type MenuItemTemplate } from './menu.js';
import { createMenuState } from './menu-state.js';
import { OpenRequests, topologyFilesInArgv } from './open-requests.js';
import { createRecentFiles } from './recent-files.js';
import { createRecoveryStore } from './recovery.js';
import { CONTENT_SECURITY_POLICY, isAllowedPermission, isAllowedRequest, isTrustedSender, secureWebPreferences } from './security.js';

// Built layout: dist/app/{main/index.js, preload/index.cjs, renderer/index.html}.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

let mainWindow: BrowserWindow | undefined;
const closeGuard = new CloseGuard();
const log = (message: string, error: unknown) => console.error(message, error);

function appWindow(): AppWindow | undefined {
  const window = mainWindow;
  if (!window || window.isDestroyed()) return undefined;
  return {
    setTitle: (title) => window.setTitle(title),
    setDocumentEdited: (dirty) => window.setDocumentEdited(dirty),
    close: () => window.close(),
    send: (event, payload) => window.webContents.send(event, payload),
  };
}

function sendCommand(commandId: string): void {
  appWindow()?.send('menu:command', { commandId });
}

const nativeDialog: NativeDialog = {
  showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
  showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
};

// The application menu, rebuilt when the recent files or what can run now (`menu:state`) change.
const menuState = createMenuState(({ recentFiles, enabled }) => {
  const template: MenuItemTemplate[] = buildMenuTemplate({
    send: sendCommand,
    recentFiles,
    enabled,
    platform: process.platform,
    devTools: !app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
});

const userDataDir = app.getPath('userData');
const baseRecent = createRecentFiles({ fs, userDataDir });
// Rebuild the Open Recent menu whenever the list changes.
const recent = {
  list: () => baseRecent.list(),
  add: async (path: string) => {
    const list = await baseRecent.add(path);
    menuState.setRecentFiles(list);
    return list;
  },
};
const files = createFileService({ fs, dialogs: createDialogs(nativeDialog), recent, writeBundle });
const recovery = createRecoveryStore({ fs, userDataDir });
// Files given on the command line or by the OS: allowed for file:open, sent once the page listens.
const openRequests = new OpenRequests({
  grant: (path) => files.grant(path),
  send: (path) => appWindow()?.send('file:open-requested', { path }),
});

function secureSession(): void {
  const appSession = session.defaultSession;
  appSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, rendererDir) }));
  // The renderer's index.html carries the same policy as a meta tag (file: responses have no headers to add to).
  appSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  appSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  appSession.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
}

async function askBeforeClosing(window: BrowserWindow): Promise<void> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    message: 'Save changes to this topology before closing?',
    detail: 'Your changes will be lost if you do not save them.',
    buttons: [...CLOSE_DIALOG_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  });
  // Save: the renderer saves through file:save, then reports a clean window:state, and the guard closes.
  await answerCloseQuestion(answerFromButton(response), {
    closeGuard,
    recovery,
    close: () => window.close(),
    save: () => sendCommand('file.save'),
    log,
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  mainWindow = window;
  closeGuard.reset();

  // Main owns the title (file name and unsaved marker from window:state).
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    const decision = closeGuard.onCloseRequested();
    if (decision === 'close') return;
    event.preventDefault();
    if (decision === 'ask') void askBeforeClosing(window);
  });
  window.on('closed', () => {
    mainWindow = undefined;
    openRequests.pageGone();
  });

  const contents = window.webContents;
  contents.on('did-start-loading', () => openRequests.pageGone());
  contents.on('did-finish-load', () => openRequests.pageReady());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never in the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());

  void window.loadFile(join(rendererDir, 'index.html'));
}

registerHandlers<IpcMainInvokeEvent>(ipcMain, createHandlers<IpcMainInvokeEvent>({ files, recovery, closeGuard, menu: menuState, window: appWindow, log }), {
  isTrustedSender: (event) => isTrustedSender(event, { webContentsId: mainWindow?.webContents.id, rendererDir }),
  log,
});

// One window per app: a second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  for (const path of topologyFilesInArgv(process.argv, process.cwd())) openRequests.request(path);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of topologyFilesInArgv(argv, workingDirectory)) openRequests.request(path);
    // macOS keeps running without a window: the file needs one.
    if (!mainWindow && app.isReady()) createWindow();
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // macOS: a file opened with the app (Finder, Dock, `open -a`), possibly before it is ready. The
  // app is an alternate editor of any .yaml there, so the user's choice is taken as is.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequests.request(path);
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    secureSession();
    menuState.setRecentFiles(await recent.list());
    // Files given at launch skip the start screen: unsaved work of an earlier session waits for it.
    await recovery.atStart({ opensFile: openRequests.hasWaiting }).catch((error: unknown) => log('recovery: could not prepare at start', error));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
