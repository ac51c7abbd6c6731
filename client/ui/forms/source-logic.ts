import type { SourceInput } from '../../../server/catalog/writes.ts';

/** The source part of every form, as typed: a title, a date, and a link or an uploaded PDF. */
export interface SourceDraft {
  title: string;
  date: string;
  url: string;
  fileId: number | null;
  fileName: string | null;
  confidence: SourceInput['confidence'];
  note: string;
}

export const emptySource = (): SourceDraft => ({ title: '', date: '', url: '', fileId: null, fileName: null, confidence: 'high', note: '' });

/** The draft as the write schema's `sourceInput` (an empty link is no link). */
export function sourceBody(d: SourceDraft) {
  return { title: d.title, date: d.date, url: d.url.trim() === '' ? null : d.url.trim(), fileId: d.fileId, confidence: d.confidence, note: d.note };
}
