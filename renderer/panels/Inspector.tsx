/** The inspector: a form for the common fields of the selected element. */
import { useEffect, useState } from 'react';
import { SIGNALS } from '../../shared/model/common.js';
import type { Element, Topology } from '../../shared/model/topology.js';
import { updateElement } from '../model/commands.js';
import { appStore, useApp } from '../app/app-store.js';
import { KIND_NAMES } from '../canvas/projection.js';
import { fieldPatch, fieldsFor, readField, type FieldSpec } from './inspector-fields.js';

function commit(element: Element, key: string, value: unknown) {
  appStore.getState().applyModel((topology) => updateElement(topology, element.id, fieldPatch(element, key, value)), { select: true });
}

/** A text or number input that commits on Enter or when it loses the focus. */
function TextField({ element, field, value }: { element: Element; field: FieldSpec & { type: 'text' | 'number' }; value: unknown }) {
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const save = () => {
    if (draft === shown) return;
    if (field.type === 'number') {
      const number = Number(draft);
      if (draft.trim() === '') commit(element, field.key, undefined);
      else if (Number.isFinite(number)) commit(element, field.key, number);
      else setDraft(shown);
    } else commit(element, field.key, draft.trim() === '' ? undefined : draft.trim());
  };
  return (
    <input
      type={field.type === 'number' ? 'number' : 'text'}
      aria-label={field.label}
      value={draft}
      readOnly={field.type === 'text' && field.readOnly}
      {...(field.type === 'number' && field.min !== undefined ? { min: field.min } : {})}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
        if (event.key === 'Escape') setDraft(shown);
      }}
    />
  );
}

function Field({ element, field, topology }: { element: Element; field: FieldSpec; topology: Topology }) {
  const value = readField(element, field.key);
  switch (field.type) {
    case 'text':
    case 'number':
      return <TextField element={element} field={field} value={value} />;
    case 'select': {
      const options = field.options(topology);
      return (
        <select aria-label={field.label} value={value === undefined ? '' : String(value)} onChange={(event) => commit(element, field.key, event.target.value === '' ? undefined : event.target.value)}>
          {(field.optional || value === undefined) && <option value="">—</option>}
          {options.map((option) => <option key={option} value={option}>{option}</option>)}
          {value !== undefined && !options.includes(String(value)) && <option value={String(value)}>{String(value)}</option>}
        </select>
      );
    }
    case 'boolean':
      return <input type="checkbox" aria-label={field.label} checked={value === true} onChange={(event) => commit(element, field.key, event.target.checked)} />;
    case 'signals': {
      const signals = (value as string[] | undefined) ?? [];
      return (
        <span className="signal-boxes" role="group" aria-label={field.label}>
          {SIGNALS.map((signal) => (
            <label key={signal}>
              <input
                type="checkbox"
                aria-label={signal}
                checked={signals.includes(signal)}
                onChange={(event) => {
                  const next = event.target.checked ? SIGNALS.filter((item) => item === signal || signals.includes(item)) : signals.filter((item) => item !== signal);
                  if (next.length > 0) commit(element, field.key, next);
                }}
              />
              {signal}
            </label>
          ))}
        </span>
      );
    }
  }
}

export function Inspector() {
  const topology = useApp((state) => state.document.topology);
  const selection = useApp((state) => state.selection);
  const element = selection.length === 1 ? topology?.elements.find((candidate) => candidate.id === selection[0]) : undefined;
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {!element || !topology ? (
        <p className="muted">{selection.length > 1 ? `${selection.length} elements selected.` : 'Select an element on the canvas to edit it.'}</p>
      ) : (
        <form key={element.id} className="inspector-form" onSubmit={(event) => event.preventDefault()} aria-label={`${KIND_NAMES[element.kind]} ${element.id}`}>
          <p className="inspector-kind">{KIND_NAMES[element.kind]}</p>
          {fieldsFor(element).map((field) => (
            <label key={field.key} className="inspector-field">
              <span>{field.label}</span>
              <Field element={element} field={field} topology={topology} />
            </label>
          ))}
        </form>
      )}
    </aside>
  );
}
