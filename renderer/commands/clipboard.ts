/**
 * Copy, cut and paste of canvas elements: the selection as fragment text for the clipboard, and
 * fragment text pasted into the open topology. The Edit commands (registry.ts) and the document's
 * clipboard events (app/clipboard-events.ts) both do their work here; how the text reaches the
 * clipboard is theirs.
 */
import { deleteElements, done } from '../model/commands.js';
import { copyFragment, pasteFragment } from '../model/fragment.js';
import { fragmentText, readFragment } from '../model/fragment-text.js';
import type { Element } from '../../shared/model/topology.js';
import type { AppStoreApi } from '../state/store.js';

export type ClipboardVerb = 'copy' | 'cut';

/**
 * The selection as fragment text; `undefined` when there is nothing to copy (no open topology, an
 * empty selection) or when the selection has no element a copy can take (flows alone), which is
 * said in the status bar.
 */
export function selectionText(store: AppStoreApi, verb: ClipboardVerb): string | undefined {
  const { document, selection, isOpen, notify } = store.getState();
  if (!isOpen || !document.topology || selection.length === 0) return undefined;
  const fragment = copyFragment(document.topology, selection);
  if (fragment.elements.length === 0) {
    // The flows or links in the selection have an end outside it.
    notify(`Select a site, cluster, collector, backend or control plane to ${verb}: flows and links come along with both their ends.`, 'error');
    return undefined;
  }
  notify(`${verb === 'copy' ? 'Copied' : 'Cut'} ${describe(fragment.elements)}.`);
  return fragmentText(fragment);
}

/** What the status bar calls the elements: the id of the one node, or how many nodes (flows come along unsaid). */
function describe(elements: readonly Element[]): string {
  const nodes = elements.filter((element) => element.kind !== 'flow' && element.kind !== 'link');
  return nodes.length === 1 ? nodes[0]!.id : `${nodes.length} elements`;
}

/** The second half of a cut, once its text is on the clipboard: the selection goes, as Delete would (one undo step). */
export function deleteSelection(store: AppStoreApi): void {
  const ids = store.getState().selection;
  if (ids.length > 0) store.getState().applyModel((topology) => done(deleteElements(topology, ids)));
}

/**
 * Pastes `text` if it is fragment text: the copies are added (one undo step) and become the
 * selection, or the status bar says why they cannot be. False where `text` is no fragment at
 * all, which is left to whoever else wants it.
 */
export function pasteText(store: AppStoreApi, text: string): boolean {
  const read = readFragment(text);
  if (read === undefined) return false;
  const state = store.getState();
  if (!read.ok) state.notify(read.error, 'error');
  else if (!state.isOpen || !state.document.topology) state.notify('Open a topology to paste these elements into.', 'error');
  else if (state.applyModel((topology) => pasteFragment(topology, read.fragment))) {
    const pasted = new Set(store.getState().selection);
    state.notify(`Pasted ${describe(store.getState().document.topology!.elements.filter((element) => pasted.has(element.id)))}.`);
  }
  return true;
}
