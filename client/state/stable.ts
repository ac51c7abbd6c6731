import { computed, type ReadonlySignal } from '@preact/signals';
import { sameValue } from '../lib/same-value.ts';

/**
 * A computed signal that keeps its previous value while a recomputation gives the same content
 * (lib/same-value.ts). A signal whose value is the same reference notifies nobody, so a step in
 * time that changes no count re-renders no panel or legend that shows counts.
 */
export function stableComputed<T>(compute: () => T): ReadonlySignal<T> {
  let last: { value: T } | null = null;
  return computed(() => {
    const next = compute();
    if (last && sameValue(last.value, next)) return last.value;
    last = { value: next };
    return next;
  });
}
