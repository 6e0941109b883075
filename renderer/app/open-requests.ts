/**
 * `file:open-requested` from the desktop app (a file given on the command line or by the OS).
 * Subscribed as soon as this module loads, before React mounts, so a request sent when the page
 * finished loading is held until the app takes it.
 */
import { platform } from '../platform/index.js';

const waiting: string[] = [];
let handler: ((path: string) => void) | undefined;

platform.on('file:open-requested', ({ path }) => {
  if (handler) handler(path);
  else waiting.push(path);
});

/** Handles open requests, the waiting ones first; returns the unsubscribe. */
export function onOpenRequested(next: (path: string) => void): () => void {
  handler = next;
  for (const path of waiting.splice(0)) next(path);
  return () => {
    if (handler === next) handler = undefined;
  };
}
