/** Modal dialog focus: move it in on open, keep Tab inside, give it back on close. */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Focus goes into `dialog` while `open` and back to where it was when it closes. Escape closes
 * it even when the focus was lost (a button that disabled itself).
 */
export function useDialogFocus(open: boolean, dialog: RefObject<HTMLElement | null>, close?: () => void): void {
  useEffect(() => {
    if (!open || !close) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, close]);

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const timer = setTimeout(() => {
      const root = dialog.current;
      if (root && !root.contains(document.activeElement)) (root.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ?? root.querySelector<HTMLElement>(FOCUSABLE) ?? root).focus();
    }, 0);
    return () => {
      clearTimeout(timer);
      if (previous?.isConnected) previous.focus();
    };
  }, [open, dialog]);
}

/** A dialog's keydown handler: Tab and Shift+Tab cycle inside it, Escape calls `close`. */
export function trapKeys(event: KeyboardEvent<HTMLElement>, close: () => void): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    close();
    return;
  }
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.offsetParent !== null);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (event.shiftKey && (document.activeElement === first || !event.currentTarget.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
