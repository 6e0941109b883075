/** The frame of a modal dialog: a backdrop that closes it, and the labelled dialog that traps Tab and Escape. */
import type { ReactNode, RefObject } from 'react';
import { trapKeys } from './dialog-focus.js';

export function ModalDialog(props: {
  dialogRef: RefObject<HTMLDivElement | null>;
  labelledBy: string;
  describedBy?: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="dialog-backdrop" onClick={props.onClose}>
      <div
        ref={props.dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        className={`dialog ${props.className}`}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => trapKeys(event, props.onClose)}
      >
        {props.children}
      </div>
    </div>
  );
}
