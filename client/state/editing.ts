import { computed, effect, signal } from '@preact/signals';
import type { MultiPolygon, Polygon } from 'geojson';
import { canEdit, type EditTarget, type Programme } from '../../server/domain/access.ts';
import type { AuditFilter } from '../api-edits.ts';
import { accountPanel, currentUser, stillFor } from './session.ts';
import { selection } from './ui-state.ts';

/**
 * Which editing form the side panel shows, if any: opened from a card (or the progress view's
 * targets), closed on save or cancel. The server decides every write again.
 */
export type EditForm =
  | { kind: 'recognition'; mode: 'record' | 'correct' | 'retract'; unitSet: '2020' | '2025'; code: string; id: string | null }
  | { kind: 'product'; id: string | null; communeCode?: string }
  | { kind: 'zone'; id: string | null; communeCode?: string }
  | { kind: 'target'; id: string | null; indicatorKey?: string };

export const editForm = signal<EditForm | null>(null);

/** What a save left to say ("Đã lưu…"), and the card (or view panel) it returns to: shown there only. */
const lastNotice = signal<{ text: string; on: string } | null>(null);
const shownKey = () => {
  const s = selection.value;
  return s ? `${s.kind}:${s.set ?? ''}:${s.id}` : 'panel';
};
export const editNotice = computed(() => (lastNotice.value && lastNotice.value.on === shownKey() ? lastNotice.value.text : null));

/**
 * A map tool that takes the next clicks instead of selecting features: picking a product's
 * point, or drawing a zone (Terra Draw then handles the pointer itself).
 */
export type MapTool =
  | { kind: 'pick-point'; onPick: (lngLat: [number, number]) => void }
  | {
      kind: 'draw';
      initial: Polygon | MultiPolygon | null;
      onChange: (g: Polygon | MultiPolygon | null) => void;
      /** Bring the initial shape into view (an uploaded file's shape may lie anywhere in the province). */
      fit?: boolean;
    };
export const mapTool = signal<MapTool | null>(null);

export function stopMapTool() {
  mapTool.value = null;
}

/** Who opened the form: its controls were offered to that account only. */
let openedBy: string | null = null;

export function openEditor(form: EditForm) {
  lastNotice.value = null;
  openedBy = currentUser.peek()?.login ?? null;
  editForm.value = form;
}

export function closeEditor(notice: string | null = null) {
  mapTool.value = null;
  editForm.value = null;
  lastNotice.value = notice === null ? null : { text: notice, on: shownKey() };
}

/** Keeps the notice and the open form to their card and their user. Call it once as the app starts; returns the stop. */
export function startEditingWatchers(): () => void {
  const stops = [
    // Leaving that card ends the notice, so coming back later does not repeat it.
    effect(() => {
      const key = shownKey();
      if (lastNotice.peek() && lastNotice.peek()!.on !== key) lastNotice.value = null;
    }),
    // Logging out (or in as someone else) closes the open form. A session the server ended keeps it
    // (and its draft) while its user logs in again; the save says so.
    effect(() => {
      if (!stillFor(openedBy) && editForm.peek()) closeEditor();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Whether to offer the controls to edit this programme (on this unit); the pure rule the server enforces. */
export function mayEditHere(programme: Programme, unit?: EditTarget): boolean {
  return canEdit(currentUser.value, programme, unit);
}

/** The filters the audit log opens with (an import's result opens it on that import's batch). */
export const auditStart = signal<AuditFilter>({});

/** Opens the admin's audit log, filtered (e.g. on one import batch, to check or revert it whole). */
export function openAuditLog(filter: AuditFilter = {}) {
  auditStart.value = filter;
  accountPanel.value = 'audit';
}

/** A key that changes when another form opens, so its draft starts afresh. */
export function editPanelKey(): string | null {
  const f = editForm.value;
  return f ? `edit:${f.kind}:${'mode' in f ? f.mode : ''}:${f.id ?? 'new'}` : null;
}
