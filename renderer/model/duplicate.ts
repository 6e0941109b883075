/**
 * Duplicate (Edit › Duplicate, Mod+D): copies of the selected elements, as one model command — a
 * copy and a paste in one (`fragment.ts` says what is taken, and how ids, references and
 * positions of the copies are made).
 *
 * The copies sit in the same frames as their originals (references to elements outside the
 * selection are kept), start unconnected to anything outside it, get fresh DNS-1123 ids
 * (`gateway` → `gateway-2`), and the outermost ones are placed `PASTE_OFFSET` down and right of
 * their originals.
 */
import type { Topology } from '../../shared/model/topology.js';
import type { Outcome } from './commands.js';
import { copyFragment, pasteFragment } from './fragment.js';

/** Copies `ids` (see above); the outcome's `ids` lists the copies, outermost first, in model order. */
export function duplicateElements(topology: Topology, ids: Iterable<string>): Outcome {
  const fragment = copyFragment(topology, ids);
  if (fragment.elements.length === 0) return { ok: false, error: 'Select a site, cluster, collector, backend or control plane to duplicate.' };
  return pasteFragment(topology, fragment);
}
