/**
 * The export dialog: what the bundle holds (files per cluster), errors that block unless the
 * user exports anyway, the format (a folder or a zip; the browser only downloads zips), the
 * progress, and the result.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { appStore, useApp } from '../app/app-store.js';
import { exportBundle } from '../export/bundle-export.js';
import { describeStage, planExport, type ExportStage } from '../export/export-plan.js';
import { platform } from '../platform/index.js';
import { useDialogFocus } from './dialog-focus.js';
import { ModalDialog } from './ModalDialog.js';

export function ExportDialog() {
  const open = useApp((state) => state.exportDialogOpen);
  const bundle = useApp((state) => state.bundle);
  const diagnostics = useApp((state) => state.diagnostics);
  const problems = useApp((state) => state.document.problems);
  const name = useApp((state) => state.document.topology?.name ?? 'topology');
  const [format, setFormat] = useState<'zip' | 'folder'>('zip');
  const [anyway, setAnyway] = useState(false);
  const [stage, setStage] = useState<ExportStage>({ kind: 'idle' });
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const close = useCallback(() => appStore.getState().setExportDialogOpen(false), []);
  useDialogFocus(open, dialog, close);

  useEffect(() => {
    if (!open) return;
    setAnyway(false);
    setStage({ kind: 'idle' });
  }, [open]);

  if (!open) return null;
  const plan = planExport(bundle, diagnostics, problems);
  const blocked = plan.errors.length > 0 && !anyway;
  const running = stage.kind === 'running';
  const canFolder = platform.kind === 'electron';

  const run = async () => {
    if (!bundle || blocked || running) return;
    const files = bundle.files.map((file) => ({ path: file.path, content: file.content }));
    const result = await exportBundle(platform, { files, format: canFolder ? format : 'zip', suggestedName: name }, setStage);
    if (result.kind === 'done' || result.kind === 'failed') appStore.getState().notify(describeStage(result), result.kind === 'failed' ? 'error' : 'info');
    // The Export button was disabled while running, which dropped the focus: keep it in the dialog.
    closeButton.current?.focus();
  };

  return (
    <ModalDialog dialogRef={dialog} labelledBy={titleId} className="export-dialog" onClose={close}>
        <h2 id={titleId} className="dialog-title">Export bundle</h2>
        <p>
          {plan.total} files for <strong>{name}</strong>:
        </p>
        <ul className="export-groups" aria-label="Files per cluster">
          {plan.groups.map((group) => (
            <li key={group.clusterId ?? '(topology)'}>
              <span>{group.clusterId ? `Cluster ${group.clusterId}` : 'Whole topology (README, configs, diagram)'}</span>
              <span className="muted">{group.count} {group.count === 1 ? 'file' : 'files'}</span>
            </li>
          ))}
        </ul>

        {plan.errors.length > 0 && (
          <section className="export-errors" aria-label="Errors">
            <p className="export-errors-title">
              {plan.stale
                ? 'The YAML does not load: the export would be of the last valid model, not of the text.'
                : `${plan.errors.length === 1 ? '1 error' : `${plan.errors.length} errors`}: the exported files would not work as designed.`}
            </p>
            <ul>
              {plan.errors.slice(0, 5).map((error, index) => <li key={index}>{error}</li>)}
              {plan.errors.length > 5 && <li className="muted">…and {plan.errors.length - 5} more (see Problems).</li>}
            </ul>
            <label className="export-anyway">
              <input type="checkbox" checked={anyway} onChange={(event) => setAnyway(event.target.checked)} disabled={running} />
              Export anyway
            </label>
          </section>
        )}

        <fieldset className="export-format" disabled={running}>
          <legend>Format</legend>
          <label>
            <input type="radio" name="export-format" value="zip" checked={!canFolder || format === 'zip'} onChange={() => setFormat('zip')} />
            Zip file
          </label>
          <label>
            <input type="radio" name="export-format" value="folder" checked={canFolder && format === 'folder'} onChange={() => setFormat('folder')} disabled={!canFolder} />
            Folder
          </label>
          {!canFolder && <span className="muted">The browser downloads a zip.</span>}
        </fieldset>

        <div className="export-progress">
          <progress
            hidden={stage.kind === 'idle'}
            aria-label="Export progress"
            max={Math.max(1, stage.kind === 'running' || stage.kind === 'done' ? stage.total : plan.total)}
            value={stage.kind === 'running' ? stage.done : stage.kind === 'done' ? stage.total : 0}
          />
          <p role="status" aria-live="polite" className={`export-result${stage.kind === 'failed' ? ' is-error' : ''}`}>
            {describeStage(stage)}
          </p>
        </div>

        <div className="dialog-actions">
          <button ref={closeButton} type="button" onClick={close}>{stage.kind === 'done' ? 'Close' : 'Cancel'}</button>
          <button type="button" className="primary" data-autofocus onClick={() => void run()} disabled={blocked || running || !bundle}>
            {running ? 'Exporting…' : stage.kind === 'done' ? 'Export again' : 'Export'}
          </button>
        </div>
    </ModalDialog>
  );
}
