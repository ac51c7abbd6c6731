import { ERROR_CODE_LIST, ERROR_CODES } from '../../server/catalog/error-codes.ts';
import { ERROR_MEANINGS } from '../../server/catalog/error-meanings.ts';

/** Where docs/API.md's generated table of error codes begins and ends. */
export const ERROR_CODES_BEGIN = '<!-- error codes: generated from server/catalog/error-codes.ts by npm run docs; edit there -->';
export const ERROR_CODES_END = '<!-- end of error codes -->';

/** The table of every error code (server/catalog/error-codes.ts): status, code, meaning, in the order declared. */
export function errorCodesTable(): string {
  const rows = ERROR_CODE_LIST.map((code) => {
    return `| ${ERROR_CODES[code].join(', ')} | \`${code}\` | ${ERROR_MEANINGS[code].replace(/\|/g, '\\|')} |`;
  });
  return ['| status | code | meaning |', '|---|---|---|', ...rows].join('\n');
}

/**
 * docs/API.md with its error-code table regenerated: the text between the two markers replaced.
 * @throws when the markers are missing, so the table cannot silently go unwritten
 */
export function withErrorCodes(apiMd: string): string {
  const begin = apiMd.indexOf(ERROR_CODES_BEGIN);
  const end = apiMd.indexOf(ERROR_CODES_END);
  if (begin < 0 || end < begin) throw new Error(`docs/API.md must hold the lines "${ERROR_CODES_BEGIN}" and "${ERROR_CODES_END}", in that order`);
  return `${apiMd.slice(0, begin + ERROR_CODES_BEGIN.length)}\n${errorCodesTable()}\n${apiMd.slice(end)}`;
}
