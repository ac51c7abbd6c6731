import { editMessages as E } from '../messages/edits.ts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { currentUser } from '../auth/authorize.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import type { Editor } from '../edits/index.ts';
import { pathId } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { MAX_SOURCE_FILE_MIB } from '../catalog/writes.ts';

const MAX_SOURCE_FILE_BYTES = MAX_SOURCE_FILE_MIB * 1024 * 1024;

/**
 * POST /api/source-files — upload a PDF cited as a source (editors); answers its id.
 * GET /api/source-files/:id — the document, always as a download (never shown inline as a page).
 */
export function sourceFileRoutes(editor: Editor) {
  return new Hono<AuthEnv>()
    .post(
      '/',
      bodyLimit({
        maxSize: MAX_SOURCE_FILE_BYTES + 64 * 1024,
        onError: () => {
          throw new ApiError(413, 'body_too_large', E.sourceFileTooLarge(MAX_SOURCE_FILE_MIB));
        },
      }),
      async (c) => {
        const user = currentUser(c);
        if (user.role === 'viewer') throw new ApiError(403, 'forbidden', E.viewerMayNotUpload(user.login));
        const form = await c.req.parseBody().catch(() => {
          throw new ApiError(400, 'invalid_body', E.sourceFileMultipart);
        });
        const file = form.file;
        if (!(file instanceof File)) throw new ApiError(400, 'invalid_body', E.attachPdf);
        const content = Buffer.from(await file.arrayBuffer());
        if (content.length > MAX_SOURCE_FILE_BYTES) throw new ApiError(413, 'body_too_large', E.sourceFileFieldTooLarge(MAX_SOURCE_FILE_MIB));
        if (content.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ApiError(415, 'unsupported_media_type', E.onlyPdf);
        const name = (file.name || 'tai-lieu.pdf')
          .normalize('NFC')
          .replace(/[^\p{L}\p{N}._ -]/gu, '_')
          .slice(0, 120);
        const id = editor.sources.addFile(name, content, user.login, new Date().toISOString());
        return c.json({ id, name, size: content.length }, 201);
      },
    )
    .get('/:id', (c) => {
      const file = editor.sources.file(pathId(c, 'id'));
      if (!file) throw new ApiError(404, 'not_found', E.noSourceFile(c.req.param('id')));
      const ascii =
        file.name
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace(/["\\]/g, '') || 'document.pdf';
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=3600',
      });
    });
}
