import { signal } from '@preact/signals';

/** Which of the map's output panels are open: the table view (below the map) and the print view (over it). */
export const tableOpen = signal(false);
export const printOpen = signal(false);
/** A title the user typed for printed and saved maps; null for the view's own. */
export const customTitle = signal<string | null>(null);
