/**
 * The inspector: a form for every field of the selected element, read from the model's schema
 * (`inspector/form-schema.ts`), the hand-tuned common fields first. Each edit is checked against
 * the model's element schema: a valid element is committed with `updateElement` (undo, YAML sync);
 * an invalid one stays a draft here, with the model's message beside the field.
 */
import { useMemo, useState } from 'react';
import { deepEqual } from '../../shared/io/patch-document.js';
import { MAX_ALIAS_COUNT } from '../../shared/io/yaml-document.js';
import type { Diagnostic } from '../../shared/validation/diagnostic.js';
import { KIND_TITLES, type Element, type Topology } from '../../shared/model/topology.js';
import { updateElement } from '../model/commands.js';
import { appStore, useApp } from '../app/app-store.js';
import { fieldForm, fieldsFor } from './inspector-fields.js';
import { elementForm, type ObjectForm, type UnionForm } from './inspector/form-schema.js';
import { childOf, planEdit, readAt, retype, setAt, type FormPath, type Plain } from './inspector/form-values.js';
import { FieldHelpBar, useFieldHelp } from './inspector/FieldHelp.js';
import { Field, Fields, FormContext, type FormContextValue } from './inspector/FormControls.js';
import './inspector.css';

const ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const;

/** An edit the model refused: the element as the user left it, and why. */
interface Draft {
  /** The element as written when the draft began: a change from elsewhere (undo, YAML) drops the draft. */
  readonly base: Plain;
  readonly value: Plain;
  readonly errors: ReadonlyMap<string, string>;
}

/** The elements as the file writes them (defaults left out), which the form edits. */
function useWrittenElements(): readonly unknown[] {
  const document = useApp((state) => state.document);
  return useMemo(() => {
    // The store keeps the data it read where it can (no second parse); else the YAML document has it.
    const data = 'written' in document && typeof document.written === 'function' ? (document.written as () => unknown)() : document.parsed?.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const elements = (data as { elements?: unknown } | undefined)?.elements;
    return Array.isArray(elements) ? elements : [];
  }, [document]);
}

/** Whether a message at `key` has a control to show beside (else the summary lists it). */
function hasControl(root: ObjectForm, value: Plain, key: string): boolean {
  if (key === '') return false;
  let form: ReturnType<typeof childOf>['form'] = root;
  let current: unknown = value;
  let fallback: unknown;
  for (const part of key.split('.')) {
    const step = /^\d+$/.test(part) ? Number(part) : part;
    ({ form, fallback } = childOf(form, current, fallback, step));
    current = current && typeof current === 'object' ? (current as Plain)[step] : undefined;
    if (!form) return false;
  }
  return true;
}

function SelectedElement({ index, element, topology }: { index: number; element: Element; topology: Topology }) {
  const written = useWrittenElements()[index];
  const diagnostics = useApp((state) => state.diagnostics);
  const own = useMemo(() => diagnostics.filter((diagnostic) => diagnostic.elementIds.includes(element.id)), [diagnostics, element.id]);
  if (!written || typeof written !== 'object' || Array.isArray(written)) return null;
  return <ElementForm element={element} written={written as Plain} topology={topology} diagnostics={own} />;
}

function ElementForm({ element, written, topology, diagnostics }: { element: Element; written: Plain; topology: Topology; diagnostics: readonly Diagnostic[] }) {
  const [stored, setDraft] = useState<Draft>();
  const draft = stored && deepEqual(stored.base, written) ? stored : undefined;
  const value = draft?.value ?? written;
  const root = elementForm(value as { kind: Element['kind']; type?: string });
  const properties = new Set(root.fields.map((field) => field.key));
  const tuned = fieldsFor(element.kind, properties);
  const help = useFieldHelp(root.description ? { name: KIND_TITLES[element.kind], text: root.description } : undefined);

  const commit = (candidate: Plain) => {
    const plan = planEdit(topology, element.id, written, candidate);
    if (plan.kind === 'refuse') return setDraft({ base: written, value: candidate, errors: plan.errors });
    setDraft(undefined);
    if (plan.kind === 'commit') appStore.getState().applyModel((current) => updateElement(current, element.id, plan.patch), { select: true });
  };

  const context: FormContextValue = {
    errors: draft?.errors ?? new Map(),
    skip: new Set(tuned.map((field) => field.key)),
    edit(path: FormPath, next: unknown) {
      const [head] = path;
      // The element's own variant changed (a backend's type): keep only what the new one has.
      if (path.length === 1 && (head === 'type' || head === 'kind') && typeof next === 'string') {
        return commit({ kind: value.kind, ...retype(value, elementForm({ ...value, [head]: next } as { kind: Element['kind'] }), head, next) });
      }
      commit(setAt(root, value, path, next));
    },
    retype(path: FormPath, union: UnionForm, tag: string) {
      const variant = union.variants.find((candidate) => candidate.value === tag)?.form ?? union.open;
      if (!variant) return;
      const current = readAt(root, value, path).value;
      commit(setAt(root, value, path, retype(current && typeof current === 'object' ? (current as Plain) : {}, variant, union.discriminator, tag)));
    },
  };
  const unplaced = [...context.errors].filter(([key]) => !hasControl(root, value, key));

  return (
    <form
      className="inspector-form"
      onSubmit={(event) => event.preventDefault()}
      onFocus={help.onFocus}
      onBlur={help.onBlur}
      aria-label={`${KIND_TITLES[element.kind]} ${element.id}`}
    >
      <p className="inspector-kind">{KIND_TITLES[element.kind]}</p>
      {diagnostics.length > 0 && (
        <ul className="inspector-problems" aria-label={`Problems of ${element.id}`}>
          {diagnostics.map((diagnostic, index) => (
            <li key={`${diagnostic.ruleId}-${index}`} className={`severity-${diagnostic.severity}`}>
              <span aria-hidden="true" className="severity-icon">{ICON[diagnostic.severity]}</span>
              <span>{diagnostic.message}</span>
              <span className="muted"> {diagnostic.ruleId}</span>
            </li>
          ))}
        </ul>
      )}
      {draft && (
        <div className="inspector-draft" role="status">
          <span>Not applied: the model refuses this change.</span>
          {unplaced.map(([key, message]) => <span key={key} className="field-error">{key ? `${key}: ` : ''}{message}</span>)}
          <button type="button" onClick={() => setDraft(undefined)}>Discard changes</button>
        </div>
      )}
      <FormContext.Provider value={context}>
        {tuned.map((field) => {
          const path = field.key.split('.');
          const { value: current, fallback } = readAt(root, value, path);
          const schema = path.reduce<ReturnType<typeof childOf>>((step, key) => childOf(step.form, undefined, undefined, key), { form: root });
          return (
            <Field
              key={field.key}
              path={path}
              form={fieldForm(field, topology, schema.form)}
              value={current}
              fallback={fallback}
              label={field.label}
              required={!('optional' in field && field.optional) && (schema.field?.required ?? true)}
              readOnly={'readOnly' in field && field.readOnly === true}
              {...(schema.field?.description ? { description: schema.field.description } : {})}
            />
          );
        })}
        <div className="inspector-more">
          <Fields path={[]} form={root} value={value} fallback={undefined} />
        </div>
      </FormContext.Provider>
      <FieldHelpBar help={help.help} />
    </form>
  );
}

export function Inspector() {
  const topology = useApp((state) => state.document.topology);
  const selection = useApp((state) => state.selection);
  const index = selection.length === 1 && topology ? topology.elements.findIndex((candidate) => candidate.id === selection[0]) : -1;
  const element = index === -1 ? undefined : topology?.elements[index];
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {!element || !topology ? (
        <p className="muted">{selection.length > 1 ? `${selection.length} elements selected.` : 'Select an element on the canvas to edit it.'}</p>
      ) : (
        <SelectedElement key={element.id} index={index} element={element} topology={topology} />
      )}
    </aside>
  );
}
