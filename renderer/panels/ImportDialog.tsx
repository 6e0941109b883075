/**
 * The report of File › Import: what was imported (or why nothing was), then what became model
 * elements, what the collectors' overrides keep, the import's assumptions, and the problems, each
 * with the file and line it comes from.
 */
import { useCallback, useId, useRef } from 'react';
import { appStore, useApp } from '../app/app-store.js';
import { location } from '../import/import-outcome.js';
import { useDialogFocus } from './dialog-focus.js';
import { ModalDialog } from './ModalDialog.js';

const SHOWN = 200;

function Entries<T extends { file: string; line: number; column: number }>({ title, items, baseDir, text }: { title: string; items: readonly T[]; baseDir: string; text: (item: T) => string }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title} className="import-section">
      <h3>
        {title} ({items.length})
      </h3>
      {/* Long lists scroll: focusable so the keyboard can scroll them too. */}
      <ul tabIndex={0} aria-label={title}>
        {items.slice(0, SHOWN).map((item, index) => (
          <li key={index}>
            <span className="problem-where">{location(item, baseDir)}</span> {text(item)}
          </li>
        ))}
        {items.length > SHOWN && <li className="muted">…and {items.length - SHOWN} more.</li>}
      </ul>
    </section>
  );
}

export function ImportDialog() {
  const outcome = useApp((state) => state.importReport);
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const summaryId = useId();
  const close = useCallback(() => appStore.getState().setImportReport(undefined), []);
  useDialogFocus(outcome !== undefined, dialog, close);
  if (!outcome) return null;
  const { report, baseDir } = outcome;
  const imported = outcome.text !== undefined;
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const warnings = report.problems.filter((problem) => problem.severity === 'warning');

  return (
    <ModalDialog dialogRef={dialog} labelledBy={titleId} describedBy={summaryId} className="import-dialog" onClose={close}>
        <h2 id={titleId} className="dialog-title">{imported ? 'Import report' : 'Nothing imported'}</h2>
        <p id={summaryId} className={imported ? undefined : 'is-error'}>
          {outcome.summary}
        </p>
        {baseDir !== '' && <p className="muted">Files in {baseDir}</p>}
        <Entries title="Errors" items={errors} baseDir={baseDir} text={(problem) => problem.message} />
        <Entries title="Warnings" items={warnings} baseDir={baseDir} text={(problem) => problem.message} />
        <Entries title="Recognised" items={report.recognised} baseDir={baseDir} text={(entry) => entry.message} />
        <Entries
          title="Overrides"
          items={report.overrides}
          baseDir={baseDir}
          text={(entry) => `${entry.collector}: ${entry.path} (${entry.change === 'set' ? 'kept as written' : 'removes a generated key'})`}
        />
        <Entries title="Assumptions" items={report.notes} baseDir={baseDir} text={(entry) => entry.message} />
        <div className="dialog-actions">
          <button type="button" className="primary" data-autofocus onClick={close}>
            Close
          </button>
        </div>
    </ModalDialog>
  );
}
