import type { z } from 'zod';
import localeVi from 'zod/v4/locales/vi.js';
import { fieldMessages as M, schemaMessageText } from './fields.ts';
import type { Text } from './text.ts';

/**
 * What zod finds wrong with a field, in both languages. Our schemas' own messages (their English
 * is in server/messages/fields.ts) come back in our words; zod's kinds of issue in plain words
 * ("required", "must be a number"); the rare rest in zod's own words, its Vietnamese locale for Vietnamese — applied
 * here, per issue, never as zod's global configuration.
 */

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** zod's kinds of issue in plain words, or undefined for the rest. `input` is known for raw issues, and for parses with `reportInput`. */
function plainText(issue: Issue): Text | undefined {
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom') return M.missing;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return M.notNumber;
      if (issue.expected === 'string') return M.notText;
      if (issue.expected === 'boolean') return M.notBoolean;
      if (issue.expected === 'array') return M.notList;
      if (issue.expected === 'object') return M.notObject;
      return undefined;
    case 'too_small':
      if (issue.origin === 'string') return M.required;
      if (issue.origin === 'array') return M.atLeastItems(Number(issue.minimum));
      // positive() refuses 0 itself: "at least 0" would let the user type it.
      return issue.inclusive === false ? M.moreThan(Number(issue.minimum)) : M.atLeast(Number(issue.minimum));
    case 'too_big':
      if (issue.origin === 'string') return M.atMostChars(Number(issue.maximum));
      if (issue.origin === 'array') return M.atMostItems(Number(issue.maximum));
      return issue.inclusive === false ? M.lessThan(Number(issue.maximum)) : M.atMost(Number(issue.maximum));
    case 'invalid_value':
      return M.oneOf(issue.values);
    default:
      return undefined;
  }
}

const zodVi = localeVi().localeError;

/**
 * zod's messages in plain English, for the checks that carry no message of ours. Pass it to each
 * parse of a write body with WRITE_PARSE; our messages take precedence.
 */
export const plainErrors: z.core.$ZodErrorMap = (issue) => plainText(issue)?.en;

/** How every write body is parsed: plain English messages, and each issue's input kept for issueText's Vietnamese. */
export const WRITE_PARSE = { error: plainErrors, reportInput: true } as const;

/** One issue of a parse with WRITE_PARSE, in both languages. */
export function issueText(issue: z.core.$ZodIssue): Text {
  return schemaMessageText(issue.message) ?? plainText(issue) ?? { en: issue.message, vi: String(zodVi(issue as z.core.$ZodRawIssue) ?? M.invalid.vi) };
}

/** Field path ("source.title", or "body" for the whole) → its first issue, in both languages. */
export function fieldTexts(error: z.ZodError): Record<string, Text> {
  const fields: Record<string, Text> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || 'body'] ??= issueText(issue);
  return fields;
}
