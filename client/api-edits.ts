import { z } from 'zod';
import { auditResponse, batchRevertResponse, revertResponse } from '../server/catalog/audit.ts';
import { storedProduct, storedRecognition, storedTarget, storedZone } from '../server/catalog/stored.ts';
import { savedWith } from '../server/catalog/warnings.ts';
import type { ProductInput, RecognitionCorrection, RecognitionInput, RetractionInput, TargetInput, ZoneInput } from '../server/catalog/writes.ts';
import { getJson, queryString, send, sendForm } from './api.ts';

/*
 * The staff's requests, apart from api.ts: they load with the forms and the audit page, so the first map
 * carries none of their schemas.
 */

/** Uploads a PDF cited as a source (multipart field "file"). */
function uploadFile(path: string, file: File) {
  const body = new FormData();
  body.set('file', file);
  return sendForm(path, body, uploadedFile);
}

const uploadedFile = z.object({ id: z.int(), name: z.string(), size: z.int() });
const noContent = z.null();

/** A write's answer: the record as saved, with its warnings (the forms show them before saving). */
const savedRecognition = savedWith(storedRecognition);
const savedProduct = savedWith(storedProduct);
const savedZone = savedWith(storedZone);
const savedTarget = savedWith(storedTarget);

/**
 * Changes to the record (editors and admins; the server authorises each one): NTM recognitions,
 * OCOP products, zones, targets, the PDFs cited as sources; the admin's audit log with reverts
 * (a record's history, which the cards show to anyone, is api.ts `recordHistory`). Bodies are the catalog's write schemas (server/catalog/writes.ts).
 */
export const editApi = {
  recordRecognition: (body: RecognitionInput) => send('POST', '/api/edits/recognitions', savedRecognition, body),
  correctRecognition: (id: string, body: RecognitionCorrection) => send('PUT', `/api/edits/recognitions/${encodeURIComponent(id)}`, savedRecognition, body),
  retractRecognition: (id: string, body: RetractionInput) =>
    send('POST', `/api/edits/recognitions/${encodeURIComponent(id)}/retraction`, savedRecognition, body),
  saveProduct: (id: string | null, body: ProductInput) =>
    id === null ? send('POST', '/api/edits/products', savedProduct, body) : send('PUT', `/api/edits/products/${encodeURIComponent(id)}`, savedProduct, body),
  saveZone: (id: string | null, body: ZoneInput) =>
    id === null ? send('POST', '/api/edits/zones', savedZone, body) : send('PUT', `/api/edits/zones/${encodeURIComponent(id)}`, savedZone, body),
  deleteZone: (id: string, body: RetractionInput) => send('DELETE', `/api/edits/zones/${encodeURIComponent(id)}`, noContent, body),
  saveTarget: (id: string | null, body: TargetInput) =>
    id === null ? send('POST', '/api/edits/targets', savedTarget, body) : send('PUT', `/api/edits/targets/${encodeURIComponent(id)}`, savedTarget, body),
  uploadSource: (file: File) => uploadFile('/api/source-files', file),
  audit: (filter: AuditFilter, signal?: AbortSignal) => getJson<z.infer<typeof auditResponse>>(`/api/audit${queryString(filter)}`, signal, auditResponse),
  revertChange: (id: number, reason: string) => send('POST', `/api/audit/${id}/revert`, revertResponse, { reason }),
  revertBatch: (batchId: string, reason: string) => send('POST', `/api/audit/batches/${encodeURIComponent(batchId)}/revert`, batchRevertResponse, { reason }),
};

/** The filters of GET /api/audit. */
export type AuditFilter = {
  entity?: string;
  user?: string;
  unitSet?: string;
  unitCode?: string;
  since?: string;
  batchId?: string;
  before?: number;
  limit?: number;
};
