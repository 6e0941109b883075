/**
 * Copy, cut and paste of canvas elements: the selection as fragment text for the clipboard, and
 * fragment text pasted into the open topology. The Edit commands (registry.ts) and the document's
 * clipboard events (app/clipboard-events.ts) both do their work here; how the text reaches the
 * clipboard is theirs.
 */
import { deleteElements, done } from '../model/commands.js';
import { copyFragment, cutFragment, outermostNodes, pasteFragment, type PasteAt } from '../model/fragment.js';
import { fragmentText, readFragment } from '../model/fragment-text.js';
import type { PastePlacement } from '../canvas/placement.js';
import type { NodeKind } from '../canvas/projection.js';
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
  // A cut also takes the connections to what stays, for its paste to restore (fragment.ts).
  const fragment = (verb === 'cut' ? cutFragment : copyFragment)(document.topology, selection);
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
 * Where a paste goes, given the kinds of its outermost nodes (the first node's first): the
 * canvas's answer for the point under the pointer (`canvasControl.pastePlacement`), `undefined`
 * where the pointer is not on it.
 */
export type PlacePaste = (kinds: readonly NodeKind[]) => PastePlacement | undefined;

/**
 * Pastes `text` if it is fragment text: the copies are added (one undo step) and become the
 * selection, or the status bar says why they cannot be. False where `text` is no fragment at
 * all, which is left to whoever else wants it. With `place` (Ctrl/⌘+V over the canvas) they go
 * where the pointer is, into the frame there; without it, or where no frame there can hold them,
 * beside their originals, in the same frames.
 */
export function pasteText(store: AppStoreApi, text: string, place?: PlacePaste): boolean {
  const read = readFragment(text);
  if (read === undefined) return false;
  const state = store.getState();
  if (!read.ok) {
    state.notify(read.error, 'error');
    return true;
  }
  if (!state.isOpen || !state.document.topology) {
    state.notify('Open a topology to paste these elements into.', 'error');
    return true;
  }
  const outermost = outermostNodes(read.fragment);
  const placement = place?.([...new Set(outermost.map((element) => element.kind as NodeKind))]);
  const at: PasteAt | undefined = placement && 'into' in placement ? { ...placement.position, into: placement.into } : undefined;
  if (state.applyModel((topology) => pasteFragment(topology, read.fragment, at))) {
    const pasted = new Set(store.getState().selection);
    const what = describe(store.getState().document.topology!.elements.filter((element) => pasted.has(element.id)));
    // The pointer was on the canvas, but no frame there can hold what was pasted.
    const where = placement && 'refused' in placement ? ` into ${outermost.length === 1 ? 'the frame it' : 'the frames they'} came from: ${placement.refused}` : '';
    state.notify(`Pasted ${what}${where}.`);
  }
  return true;
}
