// A modal dialog on the native <dialog> element: focus moves in and is kept inside, Escape closes it,
// and focus returns to the control that opened it.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { open, onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Escape (the "cancel" event) and close() both end in "close": one place tells the parent.
    const handleClose = () => onClose();
    dialog.addEventListener('close', handleClose);
    return () => dialog.removeEventListener('close', handleClose);
  }, [onClose]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId}>
      <div className="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="button button-quiet" onClick={() => ref.current?.close()}>
          {t('dialog.close')}
        </button>
      </div>
      {/* The body mounts on opening, so that its fields start empty each time. */}
      {open ? props.children : null}
    </dialog>
  );
}

/** Asks before an action that cannot be undone; the confirm button names the action. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      {props.children}
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          disabled={props.pending}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onClose}>
          {t('dialog.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
