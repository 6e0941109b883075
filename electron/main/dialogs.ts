import { TOPOLOGY_FILE_SUFFIX } from '../../shared/io/topology-file.js';

/** The questions main asks with native dialogs; null when the user cancels. */
export interface Dialogs {
  chooseTopologyToOpen(): Promise<string | null>;
  /** Files (and folders, on macOS) or folders to import, several allowed. */
  chooseFilesToImport(from?: 'files' | 'folder'): Promise<string[] | null>;
  chooseTopologySaveTarget(defaultPath: string): Promise<string | null>;
  chooseBundleTarget(format: 'folder' | 'zip', defaultName: string): Promise<string | null>;
  chooseDiagramTarget(format: 'svg' | 'png', defaultName: string): Promise<string | null>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface OpenDialogOptions {
  title?: string;
  filters?: FileFilter[];
  properties?: Array<'openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory'>;
}
export interface SaveDialogOptions {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  filters?: FileFilter[];
  properties?: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** Electron's `dialog` calls, already bound to the window (structurally `Electron.Dialog`). */
export interface NativeDialog {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

// Dialog filters take extensions without dots; a multi-part suffix matches the end of the name.
const TOPOLOGY_FILTERS: FileFilter[] = [
  { name: 'OpenTelemetry topology', extensions: [TOPOLOGY_FILE_SUFFIX.slice(1)] },
  { name: 'YAML', extensions: ['yaml', 'yml'] },
];

function saved(result: { canceled: boolean; filePath?: string }): string | null {
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The app's dialogs, with their filters and titles, on top of Electron's. */
export function createDialogs(native: NativeDialog, platform: NodeJS.Platform = process.platform): Dialogs {
  return {
    async chooseTopologyToOpen() {
      const result = await native.showOpenDialog({ title: 'Open topology', filters: TOPOLOGY_FILTERS, properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFilesToImport(from = 'files') {
      // Windows and Linux show a folder picker when both openFile and openDirectory are asked
      // for, so files and folders are two dialogs there; macOS picks both in one.
      const result = await native.showOpenDialog(
        from === 'folder'
          ? { title: 'Import the configs and manifests in folders', properties: ['openDirectory', 'multiSelections'] }
          : {
              title: 'Import collector configs or manifests',
              filters: [{ name: 'YAML', extensions: ['yaml', 'yml'] }],
              properties: ['openFile', ...(platform === 'darwin' ? (['openDirectory'] as const) : []), 'multiSelections'],
            },
      );
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async chooseTopologySaveTarget(defaultPath) {
      return saved(
        await native.showSaveDialog({
          title: 'Save topology',
          defaultPath,
          filters: TOPOLOGY_FILTERS.slice(0, 1),
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        }),
      );
    },
    async chooseBundleTarget(format, defaultName) {
      return saved(
        await native.showSaveDialog(
          format === 'zip'
            ? {
                title: 'Export bundle as zip',
                defaultPath: defaultName,
                filters: [{ name: 'Zip archive', extensions: ['zip'] }],
                properties: ['createDirectory', 'showOverwriteConfirmation'],
              }
            : // A folder is named like a file: a new one, or an earlier export's (the writer replaces
              // nothing else).
              { title: 'Export bundle to a folder', defaultPath: defaultName, buttonLabel: 'Export', properties: ['createDirectory'] },
        ),
      );
    },
    async chooseDiagramTarget(format, defaultName) {
      return saved(
        await native.showSaveDialog({
          title: 'Export diagram',
          defaultPath: defaultName,
          filters: [format === 'svg' ? { name: 'SVG image', extensions: ['svg'] } : { name: 'PNG image', extensions: ['png'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        }),
      );
    },
  };
}
