import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, errorBody } from '../../server/http/errors.ts';
import { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode, isErrorCode } from '../../server/catalog/error-codes.ts';
import { ERROR_MEANINGS } from '../../server/catalog/error-meanings.ts';
import { ParamError } from '../../server/catalog/params.ts';
import { badFile, tooLarge } from '../../server/imports/limits.ts';
import { ApiRequestError } from '../../client/api.ts';
import { errorCodesTable, withErrorCodes } from '../../scripts/docs/error-codes-reference.ts';

/**
 * server/catalog/error-codes.ts lists every code the API answers. The typecheck (part of npm test)
 * refuses an undeclared code or a status not declared for it wherever an error is made (the
 * `@ts-expect-error` lines below fail it if that stops being so); these tests keep the list free of
 * dead entries and the docs in step with it.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const text = { en: 'x', vi: 'x' };

/** The server's source, comments left out (a code named in a comment is not a code answered). */
function serverSource(): string {
  const files = (readdirSync(join(ROOT, 'server'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  return files
    .filter((f) => f !== join('catalog', 'error-codes.ts'))
    .map((f) =>
      readFileSync(join(ROOT, 'server', f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n'),
    )
    .join('\n');
}

describe('the declared error codes', () => {
  const source = serverSource();

  it('are each answered by some server module (no dead entry)', () => {
    expect(ERROR_CODE_LIST.filter((code) => !source.includes(`'${code}'`))).toEqual([]);
  });

  it('are snake_case, each with a status of 4xx or 5xx and a one-line meaning', () => {
    for (const code of ERROR_CODE_LIST) {
      const status = ERROR_CODES[code];
      const meaning = ERROR_MEANINGS[code];
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(status.length, code).toBeGreaterThan(0);
      for (const s of status) expect(s >= 400 && s <= 599, `${code} ${s}`).toBe(true);
      expect(meaning, code).toMatch(/^[A-Z`].*\.$/);
      expect(meaning, code).not.toContain('\n');
    }
  });

  it('tell a declared code from anything else (what the client decodes)', () => {
    expect(isErrorCode('not_found')).toBe(true);
    for (const other of ['http_error', 'bad_response', 'toString', '__proto__', 'NOT_FOUND', '', null, 404]) expect(isErrorCode(other)).toBe(false);
  });

  it('the errors of the server and the client take only declared codes with their declared statuses', () => {
    // Each line below must fail the typecheck: if one stops failing, tsc reports the unused directive.
    // @ts-expect-error an undeclared code
    const undeclared = () => new ApiError(400, 'not_a_code', text);
    // @ts-expect-error a declared code with a status it does not have
    const wrongStatus = () => new ApiError(400, 'not_found', text);
    // @ts-expect-error the envelope takes only declared codes
    const body = () => errorBody('notfound', 'x');
    // @ts-expect-error a 413 helper given a 400 code
    const large = () => tooLarge('invalid_file', text);
    // @ts-expect-error a 400 helper given a 413 code
    const file = () => badFile(text, 'file_too_large');
    // @ts-expect-error a parameter error is invalid_parameter or unknown_parameter
    const param = () => new ParamError('x', text, 'not_found');
    // @ts-expect-error the client's errors carry declared codes (or its own two)
    const client = () => new ApiRequestError(400, 'invalid_bdy', 'x');
    // @ts-expect-error so comparing with an undeclared code is a type error in the client too
    const compared = (e: ApiRequestError) => e.code === 'unauthenticatd';
    expect([undeclared, wrongStatus, body, large, file, param, client, compared].every((f) => typeof f === 'function')).toBe(true);
    const ok: ErrorCode = new ApiError(404, 'not_found', text).code;
    expect(ok).toBe('not_found');
  });
});

describe('docs/API.md', () => {
  const api = readFileSync(join(ROOT, 'docs', 'API.md'), 'utf8');

  it('has the table of error codes generated from the list and up to date (npm run docs)', () => {
    expect(withErrorCodes(api)).toBe(api);
    expect(api).toContain(errorCodesTable());
  });

  it('the table has one row per declared code', () => {
    const rows = errorCodesTable().split('\n').slice(2);
    expect(rows.map((r) => r.split('|')[2].trim())).toEqual(ERROR_CODE_LIST.map((c) => `\`${c}\``));
  });

  it('fails to regenerate without its markers rather than leave the table unwritten', () => {
    expect(() => withErrorCodes('# API reference\n')).toThrow(/must hold the lines/);
  });
});
