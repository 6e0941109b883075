/** Running a bundle export through the platform, reporting its stages (and the desktop's progress events). */
import type { DesktopApi, RequestOf } from '../../shared/ipc/contract.js';
import type { ExportStage } from './export-plan.js';

export async function exportBundle(
  platform: DesktopApi,
  request: RequestOf<'bundle:export'>,
  onStage: (stage: ExportStage) => void,
): Promise<ExportStage> {
  const total = request.files.length;
  onStage({ kind: 'running', done: 0, total });
  const unsubscribe = platform.on('bundle:progress', (progress) => onStage({ kind: 'running', done: progress.done, total: progress.total }));
  let stage: ExportStage;
  try {
    const result = await platform.channels['bundle:export'](request);
    stage = !result.ok ? { kind: 'failed', error: result.error } : result.data ? { kind: 'done', path: result.data.path, total } : { kind: 'cancelled' };
  } catch (error) {
    stage = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  } finally {
    unsubscribe();
  }
  onStage(stage);
  return stage;
}
