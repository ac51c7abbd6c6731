import { computed, signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';

/** Each open modal's notice slot, in the order they were opened: the last is the topmost (the top layer stacks in that order). */
const openSlots = signal<HTMLElement[]>([]);

/**
 * Where a notice that must stay usable goes while a modal is open: the topmost modal's slot (null
 * with none open). A modal makes everything outside itself inert, whatever is drawn above it.
 */
export const topModalSlot = computed(() => openSlots.value.at(-1) ?? null);

/** A modal dialog (the native <dialog>: focus kept inside, Esc closes). */
export function Modal({ title, onClose, wide, children }: { title: string; onClose: () => void; wide?: boolean; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const own = slot.current!;
    if (!dialog.open) dialog.showModal();
    openSlots.value = [...openSlots.peek(), own];
    // Closed by Esc, the dialog leaves the top layer before its owner unmounts it (if it does).
    const closed = () => (openSlots.value = openSlots.peek().filter((s) => s !== own));
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      closed();
      dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} class={`account-dialog${wide ? ' wide' : ''}`} aria-labelledby={id} onClose={onClose}>
      {/* First, so the first Tab in the dialog reaches a notice put here (session-notice.tsx). */}
      <div ref={slot} class="modal-notice-slot" />
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
