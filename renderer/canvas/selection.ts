/**
 * The selection the user made on the canvas, from React Flow's change objects. Only a user's
 * click, shift-click, box or pane click produces `select` changes; a selection set elsewhere (a
 * problem clicked, the YAML cursor, undo) reaches React Flow through the projection's `selected`
 * flags and produces none. Reading the selection from `onSelectionChange` instead echoes those
 * back: while the nodes (local state, updated in an effect) lag one render behind the edges
 * (props), it reports a mix of old and new, which is selected, which changes the projection...
 * an endless loop.
 */
export interface SelectChange {
  readonly type: string;
  readonly id?: string;
  readonly selected?: boolean;
}

/** `current` with the changes' selects applied, in order; `current` itself when they change nothing. */
export function selectionAfter(current: readonly string[], changes: readonly SelectChange[]): readonly string[] {
  let next = current;
  for (const change of changes) {
    if (change.type !== 'select' || change.id === undefined) continue;
    const has = next.includes(change.id);
    if (change.selected && !has) next = [...next, change.id];
    else if (!change.selected && has) next = next.filter((id) => id !== change.id);
  }
  return next;
}
