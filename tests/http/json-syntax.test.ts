import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from '../../server/http/json-syntax.ts';
import { authTestApp, errorOf } from '../helpers/auth.ts';

/** Where a text JSON.parse refuses leaves the grammar, for a message that says "line 3, column 17" in any language. */
describe('jsonErrorPlace', () => {
  it.each([
    { text: '{"a": }', line: 1, column: 7, found: '}' },
    { text: '{\n  "type": "Feature",\n  "properties": {,}\n}', line: 3, column: 18, found: ',' },
    { text: '{\r\n"a": 1,\r\n"b": tru }', line: 3, column: 6, found: 't' },
    { text: '{"a": [1, 2', line: 1, column: 12, found: null },
    { text: '', line: 1, column: 1, found: null },
    { text: '[1, 2] x', line: 1, column: 8, found: 'x' },
    { text: '{"a": 01}', line: 1, column: 8, found: '1' },
    { text: "{'a': 1}", line: 1, column: 2, found: "'" },
    { text: '{"a": 1,}', line: 1, column: 9, found: '}' },
    { text: '["tab\there"]', line: 1, column: 6, found: '\t' },
    { text: '["\\x"]', line: 1, column: 4, found: 'x' },
    { text: '{"tên": "Mường Phăng",\n "số": -}', line: 2, column: 9, found: '}' },
  ])('$text → line $line, column $column', ({ text, line, column, found }) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPlace(text)).toEqual({ line, column, found });
  });

  it('finds nothing wrong in what JSON.parse reads', () => {
    for (const text of ['{"a": [1, -2.5e3, 0.1, true, false, null, "\\u00e9\\n"]}', ' 1 ', '""', '[]', '{}', '\n{"x": {"y": [[]]}}\n']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorPlace(text)).toBeNull();
    }
  });
});

describe('a request body that is not JSON', () => {
  it('is a 400 malformed_json saying where, in English or Vietnamese (the app’s API and the OGC API alike)', async () => {
    const t = authTestApp();
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      t.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    expect(await errorOf(await post('/api/session', '{"login": "lan",\n "password": }'))).toEqual({
      status: 400,
      body: { error: { code: 'malformed_json', message: 'The body is not valid JSON: unexpected “}” at line 2, column 14' } },
    });
    expect(await errorOf(await post('/api/session', '{nope', { 'Accept-Language': 'vi' }))).toEqual({
      status: 400,
      body: { error: { code: 'malformed_json', message: 'Nội dung gửi lên không phải JSON hợp lệ: ký tự “n” không đúng chỗ ở dòng 1, cột 2' } },
    });
    const gis = await t.addUser('gis', 'editor', { programmes: ['zones'] });
    const { token } = t.auth.tokens.issue(gis.id, 'QGIS', 30);
    const ogc = await post('/ogc/collections/zones/items', '{"type": "Feature", "properties": {}', {
      Authorization: `Bearer ${token}`,
      'Accept-Language': 'vi',
    });
    expect(await errorOf(ogc)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'malformed_json',
          message: 'Nội dung gửi lên không phải JSON hợp lệ: nội dung kết thúc ở dòng 1, cột 37 khi JSON chưa trọn vẹn (có bị thiếu phần cuối không?)',
        },
      },
    });
  });
});
