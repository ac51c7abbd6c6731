import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountApi, api } from '../../client/api.ts';
import { importApi } from '../../client/api-imports.ts';
import { lang } from '../../client/state/ui-state.ts';

/** The client asks the server for its messages in the language the user reads: every request says it. */
describe('the client’s requests', () => {
  const initial = lang.value;
  afterEach(() => {
    vi.unstubAllGlobals();
    lang.value = initial;
  });

  /** The headers of each request the client makes, while `run` runs; each answers 400 with an error envelope. */
  async function headersOf(run: () => Promise<unknown>): Promise<Headers[]> {
    const seen: Headers[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response(JSON.stringify({ error: { code: 'invalid_body', message: 'x' } }), { status: 400 });
    });
    await run().catch(() => {});
    return seen;
  }

  it('send Accept-Language from the language chosen, on reads, writes and uploads', async () => {
    for (const chosen of ['vi', 'en'] as const) {
      lang.value = chosen;
      const sent = [
        ...(await headersOf(() => api.timeline())),
        ...(await headersOf(() => accountApi.login('lan', 'mật khẩu'))),
        ...(await headersOf(() => importApi.preview(new FormData()))),
      ];
      expect(sent.map((h) => h.get('Accept-Language'))).toEqual([chosen, chosen, chosen]);
    }
  });

  it('keep the server’s per-field messages of a refused upload', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ error: { code: 'invalid_body', message: 'kind: bắt buộc', fields: { kind: 'bắt buộc' } } }), { status: 400 }),
    );
    await expect(importApi.preview(new FormData())).rejects.toMatchObject({ code: 'invalid_body', fields: { kind: 'bắt buộc' } });
  });
});
