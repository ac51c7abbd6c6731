import { z } from 'zod';
import { importCommitResponse, importKindsResponse, importPreviewResponse } from '../server/catalog/imports.ts';
import { getJson, send, sendForm } from './api.ts';

/** Imports: what can be imported, upload → preview, commit, discard (server/routes/imports.ts). */
export const importApi = {
  kinds: (signal?: AbortSignal) => getJson<z.infer<typeof importKindsResponse>>('/api/imports/kinds', signal, importKindsResponse),
  preview: (form: FormData) => sendForm('/api/imports', form, importPreviewResponse),
  commit: (id: string) => send('POST', `/api/imports/${encodeURIComponent(id)}/commit`, importCommitResponse),
  discard: (id: string) => send('DELETE', `/api/imports/${encodeURIComponent(id)}`, z.null()),
};
