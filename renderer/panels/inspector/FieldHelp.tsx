/**
 * The description of the field that has the focus, in a bar at the bottom of the inspector (the
 * element's own while no field has one). Every field's description is its accessible description
 * already (`aria-describedby` to a hidden `.field-help`); this bar is the same text on screen. The
 * panel is too short for a line under every field, and a line that appeared under the focused
 * field would move the fields below it as the focus left, under the pointer about to click one.
 */
import { useState, type FocusEvent } from 'react';

export interface FieldHelp {
  /** What the help is about: the field's label, or the element's kind. */
  readonly name?: string;
  readonly text: string;
}

/** What a control, a fieldset or a section is called: its label, legend or summary. */
function nameOf(node: Element): string | undefined {
  const labelledBy = node.getAttribute('aria-labelledby');
  const labelling = labelledBy ? node.ownerDocument.getElementById(labelledBy) : null;
  const label = 'labels' in node ? (node as HTMLInputElement).labels?.[0] : undefined;
  const name = labelling?.getAttribute('aria-label') ?? labelling?.textContent ?? label?.textContent ?? node.querySelector(':scope > legend')?.textContent;
  return name || undefined;
}

/** The help text `target`, or the nearest group around it inside `root`, is described by. */
function helpOf(target: Element, root: Element): FieldHelp | undefined {
  for (let node: Element | null = target; node && node !== root; node = node.parentElement) {
    const ids = node.getAttribute('aria-describedby')?.split(' ') ?? [];
    const help = ids.map((id) => root.ownerDocument.getElementById(id)).find((candidate) => candidate?.classList.contains('field-help'));
    if (help?.textContent) {
      const name = nameOf(node);
      return name ? { name, text: help.textContent } : { text: help.textContent };
    }
  }
  return undefined;
}

/** The help to show (`fallback`, the element's, while no described field has the focus) and the handlers that follow the focus. */
export function useFieldHelp(fallback: FieldHelp | undefined) {
  const [help, setHelp] = useState<FieldHelp>();
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => setHelp(helpOf(event.target, event.currentTarget)),
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget)) setHelp(undefined);
    },
    help: help ?? fallback,
  };
}

/** The bar: a copy for the eye, so assistive technology, which has the descriptions, skips it. */
export function FieldHelpBar({ help }: { help: FieldHelp | undefined }) {
  if (!help) return null;
  return (
    <p className="inspector-help" aria-hidden="true">
      {help.name && <strong>{help.name}: </strong>}
      {help.text}
    </p>
  );
}
