/** Every problem: the file's own (it does not load) and the rules' diagnostics, with quick fixes. */
import { formatPath } from '../../shared/io/problem.js';
import type { Diagnostic } from '../../shared/validation/diagnostic.js';
import { appStore, useApp } from '../app/app-store.js';

const ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const;

function showDiagnostic(diagnostic: Diagnostic) {
  const store = appStore.getState();
  store.select(diagnostic.elementIds.filter((id) => store.document.topology?.elements.some((element) => element.id === id)));
  store.revealPath(diagnostic.path ?? (diagnostic.elementIds[0] ? elementPath(diagnostic.elementIds[0]) : undefined));
}

function elementPath(id: string): (string | number)[] | undefined {
  const index = appStore.getState().document.topology?.elements.findIndex((element) => element.id === id) ?? -1;
  return index === -1 ? undefined : ['elements', index];
}

export function ProblemsPanel({ hidden = false }: { hidden?: boolean }) {
  const problems = useApp((state) => state.document.problems);
  const diagnostics = useApp((state) => state.diagnostics);
  // A newly opened document shows before the rules have run (store.ts, afterOpen).
  const checking = useApp((state) => state.bundle === undefined && state.document.topology !== undefined);
  const total = problems.length + diagnostics.length;
  return (
    <section className="problems" aria-label="Problems" hidden={hidden}>
      <h2>Problems <span className="count">{total}</span></h2>
      {total === 0 ? (
        <p className="muted">{checking ? 'Checking…' : 'No problems.'}</p>
      ) : (
        <ul role="list" className="problem-list">
          {problems.map((problem, index) => (
            <li key={`load-${index}`} className="problem severity-error">
              <button
                type="button"
                className="problem-main"
                aria-label={`Error: ${problem.message}${problem.line ? ` at line ${problem.line}` : ''}`}
                onClick={() => problem.line && appStore.getState().revealLine(problem.line, problem.column)}
              >
                <span aria-hidden="true" className="severity-icon">{ICON.error}</span>
                <span className="problem-message">{problem.message}</span>
                <span className="problem-where">{problem.line ? `line ${problem.line}` : ''}{problem.path?.length ? ` · ${formatPath(problem.path)}` : ''}</span>
              </button>
            </li>
          ))}
          {diagnostics.map((diagnostic, index) => (
            <li key={`${diagnostic.ruleId}-${index}`} className={`problem severity-${diagnostic.severity}`}>
              <button
                type="button"
                className="problem-main"
                aria-label={`${diagnostic.severity}: ${diagnostic.message}${diagnostic.elementIds.length ? ` (${diagnostic.elementIds.join(', ')})` : ''}`}
                onClick={() => showDiagnostic(diagnostic)}
              >
                <span aria-hidden="true" className="severity-icon">{ICON[diagnostic.severity]}</span>
                <span className="problem-message">{diagnostic.message}</span>
                <span className="problem-where">{diagnostic.ruleId}{diagnostic.elementIds.length ? ` · ${diagnostic.elementIds.join(', ')}` : ''}</span>
              </button>
              {diagnostic.fix && (
                <button
                  type="button"
                  className="quick-fix"
                  aria-label={`Quick fix: ${diagnostic.fix.title}`}
                  onClick={() => appStore.getState().applyModel((topology) => ({ ok: true, topology: diagnostic.fix!.apply(topology) }), { select: false })}
                >
                  {diagnostic.fix.title}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StatusBar() {
  const problems = useApp((state) => state.document.problems.length);
  const diagnostics = useApp((state) => state.diagnostics);
  const message = useApp((state) => state.message);
  const filePath = useApp((state) => state.filePath);
  const isOpen = useApp((state) => state.isOpen);
  const dirty = useApp((state) => state.document.text !== state.savedText);
  const errors = problems + diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span role="status" aria-label={`${errors} errors, ${warnings} warnings`} className="status-counts">
        <span className={errors ? 'has-errors' : ''}>{ICON.error} {errors}</span> <span className={warnings ? 'has-warnings' : ''}>{ICON.warning} {warnings}</span>
      </span>
      {problems > 0 && <span className="status-note">The YAML does not load: the canvas shows the last valid model.</span>}
      <span className={`status-message${message?.kind === 'error' ? ' is-error' : ''}`} role="log" aria-label="Messages" aria-live="polite">{message?.text ?? ''}</span>
      {isOpen && <span className="status-file">{filePath ?? 'not saved yet'}{dirty ? ' ● modified' : ''}</span>}
    </footer>
  );
}
