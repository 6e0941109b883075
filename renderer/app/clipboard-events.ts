/**
 * Ctrl/⌘+C, X and V on the canvas, and the desktop menu's Edit › Cut, Copy and Paste (Electron
 * roles, which fire the same events): the document's clipboard events carry the selection as
 * fragment text and paste fragment text back. Where the focus is in a text field, the YAML editor
 * or a dialog, or text on the page is selected, the events are left alone: text copy and paste
 * work as always there. A paste with the pointer over the canvas goes where the pointer is
 * (Edit › Paste from the menu bar takes the pointer off the canvas: it pastes beside the originals).
 */
import { deleteSelection, pasteText, selectionText } from '../commands/clipboard.js';
import type { AppStoreApi } from '../state/store.js';
import { canvasControl } from './app-store.js';
import { isTyping } from './keyboard.js';

function leftToText(event: ClipboardEvent): boolean {
  if (isTyping(event.target) || isTyping(document.activeElement)) return true;
  return event.type !== 'paste' && (document.getSelection()?.toString() ?? '') !== '';
}

export function installClipboardEvents(store: AppStoreApi): () => void {
  const onCopyOrCut = (event: ClipboardEvent) => {
    if (!event.clipboardData || leftToText(event)) return;
    const verb = event.type === 'cut' ? 'cut' : 'copy';
    const text = selectionText(store, verb);
    if (text === undefined) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    if (verb === 'cut') deleteSelection(store);
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!event.clipboardData || leftToText(event)) return;
    if (pasteText(store, event.clipboardData.getData('text/plain'), (kinds) => canvasControl.pastePlacement(kinds))) event.preventDefault();
  };
  document.addEventListener('copy', onCopyOrCut);
  document.addEventListener('cut', onCopyOrCut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', onCopyOrCut);
    document.removeEventListener('cut', onCopyOrCut);
    document.removeEventListener('paste', onPaste);
  };
}
