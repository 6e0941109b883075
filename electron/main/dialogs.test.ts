import { describe, expect, it, vi } from 'vitest';
import { createDialogs, type NativeDialog } from './dialogs.js';

function nativeAnswering(answer: { canceled: boolean; filePaths: string[] }) {
  const showOpenDialog = vi.fn(async () => answer);
  const native: NativeDialog = { showOpenDialog, showSaveDialog: vi.fn() };
  return { native, showOpenDialog };
}

describe('dialogs: import', () => {
  it('GIVEN several files picked WHEN asking what to import THEN all of them, from a multi-selection YAML dialog', async () => {
    const { native, showOpenDialog } = nativeAnswering({ canceled: false, filePaths: ['/a.yaml', '/b.yml'] });
    expect(await createDialogs(native, 'linux').chooseFilesToImport()).toStrictEqual(['/a.yaml', '/b.yml']);
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile', 'multiSelections'], filters: [{ name: 'YAML', extensions: ['yaml', 'yml'] }] }));
  });

  it('GIVEN macOS WHEN asking THEN folders may be picked too (elsewhere that would turn the dialog into a folder picker)', async () => {
    const { native, showOpenDialog } = nativeAnswering({ canceled: false, filePaths: ['/manifests'] });
    await createDialogs(native, 'darwin').chooseFilesToImport();
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile', 'openDirectory', 'multiSelections'] }));
  });

  it('GIVEN Linux or Windows WHEN asking for a folder THEN a folder picker, several allowed', async () => {
    const { native, showOpenDialog } = nativeAnswering({ canceled: false, filePaths: ['/manifests'] });
    expect(await createDialogs(native, 'linux').chooseFilesToImport('folder')).toStrictEqual(['/manifests']);
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory', 'multiSelections'] }));
  });

  it.each([{ canceled: true, filePaths: ['/a.yaml'] }, { canceled: false, filePaths: [] }])('GIVEN a cancelled or empty answer WHEN asking THEN null', async (answer) => {
    expect(await createDialogs(nativeAnswering(answer).native, 'linux').chooseFilesToImport()).toBeNull();
  });
});
