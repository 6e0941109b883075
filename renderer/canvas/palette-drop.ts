/**
 * Adding palette items to the canvas: by drag and drop at the pointer, or from the keyboard
 * (Enter on a palette item) at the centre of the canvas.
 */
import { addElement } from '../model/commands.js';
import type { PaletteItem } from '../model/palette.js';
import { appStore } from '../app/app-store.js';
import { dropPlacement, selectedFrame } from './placement.js';
import type { ElementNode } from './projection.js';

/**
 * Adds `item` at `point` (canvas coordinates). From the keyboard, the item is centred on the
 * point, and an item that needs a frame and finds none there goes into the selected one (placed
 * by the grid).
 */
export function addPaletteItem(nodes: readonly ElementNode[], item: PaletteItem, point: { x: number; y: number }, fromKeyboard = false): boolean {
  const store = appStore.getState();
  let drop: Parameters<typeof addElement>[2] = dropPlacement(nodes, item, point, fromKeyboard);
  const topology = store.document.topology;
  if (fromKeyboard && topology && item.parent) {
    const have = item.parent === 'cluster' ? drop.clusterId : drop.siteId;
    const selected = selectedFrame(topology, store.selection, item.parent);
    if (!have && selected) drop = item.parent === 'cluster' ? { clusterId: selected } : { siteId: selected };
  }
  return store.applyModel((model) => addElement(model, item, drop));
}

/** What the canvas does for the rest of the app (set once it mounts). */
export const canvasActions = {
  addAtCentre(_item: PaletteItem): boolean {
    return false;
  },
};
