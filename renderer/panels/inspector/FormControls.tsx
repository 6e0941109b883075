/**
 * The controls of the inspector's form, one per kind of value the schema walker finds. Each
 * reads its value and default through `childOf` and hands every change to `edit(path, value)`,
 * which checks the whole element against the model before committing it.
 */
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { parse, stringify } from 'yaml';
import { unionVariant, type ChoiceOption, type FieldForm, type ObjectForm, type UnionForm, type ValueForm } from './form-schema.js';
import { childOf, emptiedValue, pathKey, type FormPath, type Plain } from './form-values.js';

export interface FormContextValue {
  edit(path: FormPath, value: unknown): void;
  /** Replaces a union value with another variant (its other keys pruned). */
  retype(path: FormPath, union: UnionForm, tag: string): void;
  readonly errors: ReadonlyMap<string, string>;
  /** Paths of fields shown elsewhere (the hand-tuned fields): not repeated in the sections. */
  readonly skip: ReadonlySet<string>;
}

export const FormContext = createContext<FormContextValue>({ edit: () => {}, retype: () => {}, errors: new Map(), skip: new Set() });

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

export interface ControlProps {
  readonly path: FormPath;
  readonly form: ValueForm;
  readonly value: unknown;
  readonly fallback: unknown;
  readonly label: string;
  /** The model's description of the field: its help text and accessible description. */
  readonly description?: string;
  readonly required?: boolean;
  readonly readOnly?: boolean;
}

/**
 * The message the model gives for `path` and the field's help text (its description in the
 * model), and the props that make both the control's accessible description.
 */
function useFieldNotes(path: FormPath, description: string | undefined) {
  const { errors } = useContext(FormContext);
  const id = useId();
  const message = errors.get(pathKey(path));
  const describedBy = [message ? `${id}-error` : '', description ? `${id}-help` : ''].filter(Boolean).join(' ');
  return {
    message,
    description,
    props: { ...(message ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) },
    error: message ? <p id={`${id}-error`} className="field-error" role="alert">{message}</p> : null,
    help: description ? <p id={`${id}-help`} className="field-help">{description}</p> : null,
  };
}

type FieldNotes = ReturnType<typeof useFieldNotes>;
/** The attributes that tie a control to its notes. */
type Described = FieldNotes['props'];

/** A text or number input: a draft while typing, committed on Enter or when the focus leaves. */
function TextInput({ path, form, value, fallback, required, readOnly, id, describedBy }: ControlProps & { id: string; describedBy: Described }) {
  const { edit } = useContext(FormContext);
  const current = shown(value);
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);
  const numeric = form.control === 'number';
  const save = () => {
    if (draft === current) return;
    if (draft.trim() === '') return edit(path, emptiedValue(form, required ?? false));
    if (!numeric) return edit(path, draft.trim());
    const number = Number(draft);
    if (Number.isFinite(number)) edit(path, number);
    else setDraft(current);
  };
  return (
    <input
      id={id}
      type={numeric ? 'number' : 'text'}
      value={draft}
      readOnly={readOnly}
      placeholder={value === '' ? '""' : fallback === undefined ? undefined : shown(fallback)}
      {...(form.control === 'number' ? { min: form.min, max: form.max, step: form.integer ? 1 : 'any' } : {})}
      {...describedBy}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
        if (event.key === 'Escape') setDraft(current);
      }}
    />
  );
}

/** Raw collector configuration as YAML; a parse error stays beside it and nothing is committed. */
function RawInput({ path, value, id, describedBy }: ControlProps & { id: string; describedBy: Described }) {
  const { edit } = useContext(FormContext);
  const current = value === undefined ? '' : stringify(value).trimEnd();
  const [draft, setDraft] = useState(current);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDraft(current);
    setError(undefined);
  }, [current]);
  const save = () => {
    if (draft === current) return setError(undefined);
    if (draft.trim() === '') return edit(path, undefined);
    try {
      const parsed: unknown = parse(draft);
      if (!isPlain(parsed)) return setError('a YAML mapping (key: value)');
      setError(undefined);
      edit(path, parsed);
    } catch (caught) {
      setError((caught as Error).message.split('\n')[0]);
    }
  };
  return (
    <>
      <textarea
        id={id}
        className="raw-config"
        rows={Math.min(10, Math.max(3, draft.split('\n').length + 1))}
        spellCheck={false}
        value={draft}
        placeholder="key: value"
        {...(error ? { 'aria-invalid': true, 'aria-describedby': [`${id}-yaml-error`, describedBy['aria-describedby']].filter(Boolean).join(' ') } : describedBy)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
      />
      {error && <p id={`${id}-yaml-error`} className="field-error" role="alert">{error}</p>}
    </>
  );
}

function ClearButton({ path, label }: { path: FormPath; label: string }) {
  const { edit } = useContext(FormContext);
  return (
    <button type="button" className="field-clear" aria-label={`Clear ${label}`} title="Clear (use the default)" onClick={() => edit(path, undefined)}>
      ×
    </button>
  );
}

/** One labelled field: a scalar control on a row, a collection as a named group. */
export function Field(props: ControlProps) {
  const { form, path, value, label, required, description } = props;
  const id = useId();
  const notes = useFieldNotes(path, description);
  const clearable = !required && value !== undefined && !props.readOnly;
  switch (form.control) {
    case 'text':
    case 'number':
    case 'select':
    case 'boolean':
    case 'raw':
      return (
        <div className={`inspector-field field-${form.control}`}>
          <label htmlFor={id} title={description}>{label}</label>
          <div className="field-control">
            {form.control === 'select' ? <SelectInput {...props} id={id} describedBy={notes.props} />
              : form.control === 'boolean' ? <BooleanInput {...props} id={id} describedBy={notes.props} />
              : form.control === 'raw' ? <RawInput {...props} id={id} describedBy={notes.props} />
              : <TextInput {...props} id={id} describedBy={notes.props} />}
            {clearable && <ClearButton path={path} label={label} />}
          </div>
          {notes.error}
          {notes.help}
        </div>
      );
    case 'checkboxes':
      return <Checkboxes {...props} form={form} notes={notes} />;
    case 'strings':
      return <StringList {...props} notes={notes} />;
    case 'choice':
      return <Choice {...props} form={form} notes={notes} />;
    case 'record':
      return <RecordRows {...props} form={form} notes={notes} />;
    case 'list':
      return <ItemList {...props} form={form} notes={notes} />;
    case 'object':
    case 'union':
      return <Section {...props} form={form} notes={notes} />;
    case 'unsupported':
      return <p className="muted">{label}: edit it in the YAML.</p>;
  }
}

function SelectInput({ path, form, value, fallback, required, id, describedBy }: ControlProps & { id: string; describedBy: Described }) {
  const { edit } = useContext(FormContext);
  const options = form.control === 'select' ? form.options : [];
  const current = value === undefined ? '' : String(value);
  return (
    <select id={id} value={current} {...describedBy} onChange={(event) => edit(path, event.target.value === '' ? undefined : event.target.value)}>
      {(!required || value === undefined) && <option value="">{fallback === undefined ? '—' : `— (${shown(fallback)})`}</option>}
      {options.map((option) => <option key={option} value={option}>{option}</option>)}
      {current !== '' && !options.includes(current) && <option value={current}>{current}</option>}
    </select>
  );
}

function BooleanInput({ path, value, fallback, id, describedBy, readOnly }: ControlProps & { id: string; describedBy: Described }) {
  const { edit } = useContext(FormContext);
  return <input id={id} type="checkbox" checked={(value ?? fallback) === true} disabled={readOnly} {...describedBy} onChange={(event) => edit(path, event.target.checked)} />;
}

/** A named group: `<fieldset>` with its legend and help text. */
function Group({ label, className, children, notes, actions }: { label: string; className?: string; children: ReactNode; notes?: FieldNotes; actions?: ReactNode }) {
  return (
    <fieldset className={`inspector-group ${className ?? ''}`} {...(notes?.props ?? {})}>
      <legend title={notes?.description}>{label}</legend>
      {notes?.help}
      {actions && <div className="group-actions">{actions}</div>}
      {children}
      {notes?.error}
    </fieldset>
  );
}

function Checkboxes({ path, form, value, fallback, label, required, notes }: ControlProps & { form: Extract<ValueForm, { control: 'checkboxes' }>; notes: FieldNotes }) {
  const { edit } = useContext(FormContext);
  const checked = ((value ?? fallback) as string[] | undefined) ?? [];
  const toggle = (option: string, on: boolean) => {
    const next = form.options.filter((candidate) => (candidate === option ? on : checked.includes(candidate)));
    edit(path, next.length === 0 && !required && !form.minItems ? undefined : next);
  };
  return (
    <Group label={label} className="checkbox-group" notes={notes} actions={!required && value !== undefined ? <ClearButton path={path} label={label} /> : undefined}>
      {form.options.map((option) => (
        <label key={option} className="checkbox-option">
          <input type="checkbox" checked={checked.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
          {option}
        </label>
      ))}
    </Group>
  );
}

function StringList({ path, value, fallback, label, required, notes }: ControlProps & { notes: FieldNotes }) {
  const { edit } = useContext(FormContext);
  const items = ((value ?? fallback) as string[] | undefined) ?? [];
  const [added, setAdded] = useState('');
  const set = (next: string[]) => edit(path, next.length === 0 && !required ? undefined : next);
  const add = () => {
    if (added.trim() === '') return;
    set([...items, added.trim()]);
    setAdded('');
  };
  return (
    <Group label={label} className="string-list" notes={notes} actions={!required && value !== undefined ? <ClearButton path={path} label={label} /> : undefined}>
      {value === undefined && items.length > 0 && <p className="muted default-note">Default</p>}
      {items.map((item, index) => (
        <div key={`${index}-${item}`} className="row">
          <Field path={[...path, index]} form={{ control: 'text' }} value={item} fallback={undefined} label={`${label} ${index + 1}`} required />
          <button type="button" aria-label={`Remove ${label} ${index + 1}`} onClick={() => set(items.filter((_, position) => position !== index))}>Remove</button>
        </div>
      ))}
      <div className="row">
        <input aria-label={`New ${label}`} value={added} placeholder="Add…" onChange={(event) => setAdded(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && add()} />
        <button type="button" aria-label={`Add ${label}`} onClick={add}>Add</button>
      </div>
    </Group>
  );
}

/** The alternative `value` is: a literal, or the first form whose shape it has. */
function chosenOption(options: readonly ChoiceOption[], value: unknown): number {
  return options.findIndex((option) => {
    if ('literal' in option) return value === option.literal;
    const form = option.form;
    if (form.control === 'text') return typeof value === 'string' && !options.some((other) => 'literal' in other && other.literal === value);
    if (form.control === 'number') return typeof value === 'number';
    if (form.control === 'boolean') return typeof value === 'boolean';
    if (!isPlain(value) || form.control !== 'object') return false;
    const keys = form.fields.map((field) => field.key);
    return Object.keys(value).every((key) => keys.includes(key)) && form.fields.every((field) => !field.required || field.key in value);
  });
}

/** A new value of `form`: its required parts empty, for the model to say what they need. */
function emptyOf(form: ValueForm): unknown {
  switch (form.control) {
    case 'text':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'select':
      return form.options[0];
    case 'checkboxes':
    case 'strings':
    case 'list':
      return [];
    case 'object':
      return Object.fromEntries(form.fields.filter((field) => field.required).map((field) => [field.key, emptyOf(field.form)]));
    default:
      return {};
  }
}

function Choice({ path, form, value, fallback, label, required, notes }: ControlProps & { form: Extract<ValueForm, { control: 'choice' }>; notes: FieldNotes }) {
  const { edit } = useContext(FormContext);
  const id = useId();
  const chosen = chosenOption(form.options, value ?? fallback);
  const option = form.options[chosen];
  const pick = (index: number) => {
    const next = form.options[index];
    if (!next) return edit(path, undefined);
    edit(path, 'literal' in next ? next.literal : emptyOf(next.form));
  };
  return (
    <Group label={label} className="choice" notes={notes} actions={!required && value !== undefined ? <ClearButton path={path} label={label} /> : undefined}>
      <div className="inspector-field">
        <label htmlFor={id}>{`${label}: kind`}</label>
        <select id={id} value={value === undefined ? '' : String(chosen)} onChange={(event) => pick(event.target.value === '' ? -1 : Number(event.target.value))}>
          {(!required || value === undefined) && <option value="">{fallback === undefined ? '—' : `— (${shown(fallback)})`}</option>}
          {form.options.map((candidate, index) => <option key={candidate.label} value={index}>{candidate.label}</option>)}
        </select>
      </div>
      {value !== undefined && option && 'form' in option && (
        option.form.control === 'object'
          ? <Fields path={path} form={option.form} value={value} fallback={undefined} />
          : <Field path={path} form={option.form} value={value} fallback={undefined} label={`${label} value`} required />
      )}
    </Group>
  );
}

function RecordRows({ path, form, value, label, required, notes }: ControlProps & { form: Extract<ValueForm, { control: 'record' }>; notes: FieldNotes }) {
  const { edit } = useContext(FormContext);
  const entries = Object.entries(isPlain(value) ? value : {});
  const [added, setAdded] = useState('');
  const set = (next: Array<[string, unknown]>) => edit(path, next.length === 0 && !required ? undefined : Object.fromEntries(next));
  const add = () => {
    const key = added.trim();
    if (key === '' || entries.some(([existing]) => existing === key)) return;
    set([...entries, [key, emptyOf(form.value.control === 'choice' ? (form.value.options.find((option) => 'form' in option) as { form: ValueForm } | undefined)?.form ?? { control: 'text' } : form.value)]]);
    setAdded('');
  };
  return (
    <Group label={label} className="record" notes={notes}>
      {entries.map(([key, item]) => (
        <div key={key} className="record-row">
          <KeyInput label={`${label} key`} current={key} onRename={(renamed) => set(entries.map(([name, entry]) => [name === key ? renamed : name, entry]))} />
          <div className="record-value">
            <Field path={[...path, key]} form={form.value} value={item} fallback={undefined} label={key} required />
          </div>
          <button type="button" aria-label={`Remove ${label} ${key}`} onClick={() => set(entries.filter(([name]) => name !== key))}>Remove</button>
        </div>
      ))}
      <div className="row">
        <input aria-label={`New ${label} key`} value={added} placeholder="Add a key…" onChange={(event) => setAdded(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && add()} />
        <button type="button" aria-label={`Add ${label}`} onClick={add}>Add</button>
      </div>
    </Group>
  );
}

function KeyInput({ label, current, onRename }: { label: string; current: string; onRename(key: string): void }) {
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);
  const save = () => (draft.trim() !== '' && draft !== current ? onRename(draft.trim()) : setDraft(current));
  return <input className="record-key" aria-label={`${label} ${current}`} value={draft} onChange={(event) => setDraft(event.target.value)} onBlur={save} onKeyDown={(event) => event.key === 'Enter' && save()} />;
}

/** What a list item is called: its position, type and name (`2. batch/traces`). */
function itemTitle(index: number, item: unknown): string {
  const record = isPlain(item) ? item : {};
  const tag = [record.type, record.name ?? record.key].filter((part) => typeof part === 'string' && part !== '').join('/');
  return `${index + 1}. ${tag || 'item'}`;
}

function ItemList({ path, form, value, fallback, label, required, notes }: ControlProps & { form: Extract<ValueForm, { control: 'list' }>; notes: FieldNotes }) {
  const { edit } = useContext(FormContext);
  const items = ((value ?? fallback) as unknown[] | undefined) ?? [];
  const union = form.item.control === 'union' ? form.item : undefined;
  const tags = union ? [...union.variants.map((variant) => variant.value), ...(union.open ? ['other…'] : [])] : [];
  const [tag, setTag] = useState(tags[0] ?? '');
  const [otherType, setOtherType] = useState('');
  const typeId = useId();
  const set = (next: unknown[]) => edit(path, next.length === 0 && !required && !form.minItems ? undefined : next);
  const move = (index: number, by: number) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    set(next);
  };
  const add = () => {
    if (!union) return set([...items, {}]);
    const type = tag === 'other…' ? otherType.trim() : tag;
    if (type === '') return;
    set([...items, { [union.discriminator]: type }]);
    setOtherType('');
  };
  return (
    <Group label={label} className="item-list" notes={notes} actions={!required && value !== undefined ? <ClearButton path={path} label={label} /> : undefined}>
      {value === undefined && items.length > 0 && <p className="muted default-note">Default</p>}
      {items.map((item, index) => {
        const title = itemTitle(index, item);
        return (
          <div key={index} className="list-item">
            <Section path={[...path, index]} form={form.item} value={item} fallback={undefined} label={`${label} ${title}`} summary={title} required />
            <div className="item-actions">
              <button type="button" aria-label={`Move ${label} ${title} up`} title="Move up" disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
              <button type="button" aria-label={`Move ${label} ${title} down`} title="Move down" disabled={index === items.length - 1} onClick={() => move(index, 1)}>↓</button>
              <button type="button" aria-label={`Remove ${label} ${title}`} title="Remove" onClick={() => set(items.filter((_, position) => position !== index))}>✕</button>
            </div>
          </div>
        );
      })}
      <div className="row add-item">
        {union && (
          <>
            <label htmlFor={typeId} className="visually-hidden">{`New ${label} type`}</label>
            <select id={typeId} value={tag} onChange={(event) => setTag(event.target.value)}>
              {tags.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
            </select>
            {tag === 'other…' && <input aria-label={`New ${label} type name`} value={otherType} placeholder="type" onChange={(event) => setOtherType(event.target.value)} />}
          </>
        )}
        <button type="button" aria-label={`Add ${label}`} onClick={add}>Add</button>
      </div>
    </Group>
  );
}

/** The fields of an object, minus the ones shown elsewhere. */
export function Fields({ path, form, value, fallback }: { path: FormPath; form: ObjectForm; value: unknown; fallback: unknown }) {
  const { skip } = useContext(FormContext);
  return (
    <>
      {form.fields
        .filter((field) => !skip.has(pathKey([...path, field.key])))
        .map((field: FieldForm) => {
          const child = childOf(form, value, fallback, field.key);
          return (
            <Field
              key={field.key}
              path={[...path, field.key]}
              form={field.form}
              value={isPlain(value) ? value[field.key] : undefined}
              fallback={child.fallback}
              label={field.label}
              required={field.required}
              {...(field.description ? { description: field.description } : {})}
            />
          );
        })}
    </>
  );
}

/** A nested object (or a union value) as a collapsible, named section; a list item says what its variant is. */
function Section({ path, form, value, fallback, label, required, summary, description }: ControlProps & { form: ObjectForm | UnionForm; summary?: string; notes?: FieldNotes }) {
  const { edit, retype, errors } = useContext(FormContext);
  const object = form.control === 'union' ? unionVariant(form, value ?? fallback) : form;
  const help = description ?? object?.description;
  const notes = useFieldNotes(path, help);
  const prefix = pathKey(path);
  const hasErrorInside = [...errors.keys()].some((key) => key === prefix || key.startsWith(`${prefix}.`));
  const summaryId = useId();
  const typeId = useId();
  const current = value ?? fallback;
  const tag = form.control === 'union' && isPlain(current) ? String(current[form.discriminator] ?? '') : '';
  const [open, setOpen] = useState(hasErrorInside);
  // A message inside opens the section; the user may close it again.
  useEffect(() => {
    if (hasErrorInside) setOpen(true);
  }, [hasErrorInside]);
  return (
    <details className="inspector-section" role="group" aria-labelledby={summaryId} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} {...notes.props}>
      <summary id={summaryId} aria-label={label} title={help}>
        <span className="section-title">{summary ?? label}</span>
        {value === undefined && <span className="muted section-note">{fallback === undefined ? 'not set' : 'default'}</span>}
      </summary>
      <div className="section-body">
        {notes.help}
        {!required && value !== undefined && (
          <div className="group-actions">
            <button type="button" aria-label={`Remove ${label}`} onClick={() => edit(path, undefined)}>Remove</button>
          </div>
        )}
        {notes.error}
        {form.control === 'union' && (
          <div className="inspector-field">
            <label htmlFor={typeId}>{`${humanKey(form.discriminator)}`}</label>
            <select id={typeId} value={form.variants.some((variant) => variant.value === tag) ? tag : 'other…'} onChange={(event) => event.target.value !== 'other…' && retype(path, form, event.target.value)}>
              {form.variants.map((variant) => <option key={variant.value} value={variant.value}>{variant.value}</option>)}
              {form.open && <option value="other…">{form.variants.some((variant) => variant.value === tag) ? 'other…' : tag}</option>}
            </select>
          </div>
        )}
        {object && <Fields path={path} form={form.control === 'union' ? { control: 'object', fields: object.fields.filter((field) => field.key !== form.discriminator || !form.variants.some((variant) => variant.value === tag)) } : object} value={value} fallback={fallback} />}
      </div>
    </details>
  );
}

const humanKey = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
