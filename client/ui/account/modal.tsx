import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';

/** A modal dialog (the native <dialog>: focus kept inside, Esc closes). */
export function Modal({ title, onClose, wide, children }: { title: string; onClose: () => void; wide?: boolean; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog ref={ref} class={`account-dialog${wide ? ' wide' : ''}`} aria-labelledby={id} onClose={onClose}>
      <div class="account-dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" class="icon-button" aria-label={t('close', lang.value)} onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
