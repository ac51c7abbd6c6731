import { validator } from 'hono/validator';
import { CROP_CODES, type Crop } from '../domain/crops.ts';
import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import type { UnitSet } from '../domain/geodata.ts';
import { DISTRICT_CODES_2020, UNIT_SETS } from '../domain/units.ts';
import { OCOP_GROUPS, OCOP_STARS, type OcopGroup, type OcopStars } from '../domain/ocop.ts';
import { ApiError, quoted } from './errors.ts';

/**
 * Query parameters are parsed here, at the edge, by small bounded parsers; handlers read
 * the typed result of `c.req.valid('query')` and trust it. Unknown or repeated parameters
 * are rejected, so a typo (`asof=`) is an error instead of a silent default.
 */
type Parser<T> = (raw: string | undefined, name: string) => T;

export function queryParams<S extends Record<string, Parser<unknown>>>(spec: S) {
  return validator('query', (value) => {
    const raw = value as Record<string, string | string[]>;
    for (const name of Object.keys(raw)) {
      // Own properties only: `name in spec` would let toString, constructor or __proto__ through.
      if (!Object.hasOwn(spec, name)) {
        const allowed = Object.keys(spec);
        throw invalid(
          name,
          `unknown parameter ${quoted(name)}; this endpoint takes ${allowed.length ? allowed.join(', ') : 'no parameters'}`,
          'unknown_parameter',
        );
      }
      if (Array.isArray(raw[name])) throw invalid(name, `parameter ${quoted(name)} is given more than once`);
    }
    return Object.fromEntries(Object.entries(spec).map(([name, parse]) => [name, parse(raw[name] as string | undefined, name)])) as {
      [K in keyof S]: ReturnType<S[K]>;
    };
  });
}

function invalid(name: string, message: string, code = 'invalid_parameter'): ApiError {
  return new ApiError(400, code, message.includes(quoted(name, false)) ? message : `${quoted(name, false)}: ${message}`);
}

/** The 2020–2025 units ended on 2025-06-30; the national programme began in 2010. */
export const AS_OF_MIN: IsoDate = '2010-01-01';
export const AS_OF_MAX: IsoDate = '2025-06-30';
export const AS_OF_DEFAULT: IsoDate = AS_OF_MAX;

/** `asOf=YYYY-MM-DD`, a real date from 2010-01-01 to 2025-06-30. @default 2025-06-30 */
export const asOf: Parser<IsoDate> = (raw, name) => {
  if (raw === undefined) return AS_OF_DEFAULT;
  if (!isIsoDate(raw)) throw invalid(name, `${name} must be a date written YYYY-MM-DD, got ${quoted(raw)}`);
  if (raw < AS_OF_MIN || raw > AS_OF_MAX) {
    throw invalid(name, `${name} must be between ${AS_OF_MIN} and ${AS_OF_MAX} (the last day of the 2020–2025 units), got ${raw}`);
  }
  return raw;
};

/**
 * `asOf` for endpoints on any unit set: a real date from 2010-01-01 to today.
 * @default today
 */
export const asOfAnyUnits: Parser<IsoDate> = (raw, name) => {
  const today = new Date().toISOString().slice(0, 10);
  if (raw === undefined) return today;
  if (!isIsoDate(raw)) throw invalid(name, `${name} must be a date written YYYY-MM-DD, got ${quoted(raw)}`);
  if (raw < AS_OF_MIN || raw > today) throw invalid(name, `${name} must be between ${AS_OF_MIN} and today (${today}), got ${raw}`);
  return raw;
};

/** A district code of the 2020–2025 units (`094`–`103`), or undefined for all districts. */
export const districtCode: Parser<string | undefined> = (raw, name) => {
  if (raw === undefined) return undefined;
  if (!(DISTRICT_CODES_2020 as readonly string[]).includes(raw)) {
    throw invalid(name, `${name} must be a district code of the 2020–2025 units (${DISTRICT_CODES_2020.join(', ')}), got ${quoted(raw)}`);
  }
  return raw;
};

/** A comma-separated list of values from a closed set, or undefined for no filter. */
function oneOf<T extends string | number>(allowed: readonly T[], describe: string): Parser<T[] | undefined> {
  return (raw, name) => {
    if (raw === undefined) return undefined;
    const values = raw.split(',').map((v) => v.trim());
    const parsed = values.map((v) => allowed.find((a) => String(a) === v));
    const bad = values.filter((_, i) => parsed[i] === undefined);
    if (bad.length || values.length === 0) throw invalid(name, `${name} must be ${describe}, got ${quoted(raw)}`);
    return [...new Set(parsed as T[])];
  };
}

/** `stars=4` or `stars=3,4`. */
export const stars: Parser<OcopStars[] | undefined> = oneOf(OCOP_STARS, 'one or more of 3, 4, 5 (comma-separated)');
/** `group=II` or `group=I,II`: the six OCOP groups. */
export const group: Parser<OcopGroup[] | undefined> = oneOf(OCOP_GROUPS, 'one or more of I, II, III, IV, V, VI (comma-separated)');
/** `crop=tea`: a zone crop code. */
export const crop: Parser<Crop[] | undefined> = oneOf(CROP_CODES, `one or more of ${CROP_CODES.join(', ')}`);
/** `set=2019|2020|2025`: a unit set. @default 2020 */
export const unitSet: Parser<UnitSet> = (raw, name) => {
  if (raw === undefined) return '2020';
  if (!(UNIT_SETS as readonly string[]).includes(raw)) throw invalid(name, `${name} must be one of ${UNIT_SETS.join(', ')}, got ${quoted(raw)}`);
  return raw as UnitSet;
};

/** Free-text search, 1–100 characters after trimming; undefined when absent or blank. */
export const search: Parser<string | undefined> = (raw, name) => {
  const q = raw?.normalize('NFC').trim();
  if (!q) return undefined;
  if (q.length > 100) throw invalid(name, `${name} must be at most 100 characters, got ${q.length}`);
  return q;
};

/** A path segment that must be a unit code: 3 digits for districts, 5 for communes. */
export function unitCodeParam(digits: 3 | 5) {
  return validator('param', (value: Record<string, string>) => {
    const code = value.code;
    if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
      throw new ApiError(400, 'invalid_parameter', `code must be a ${digits}-digit ${digits === 3 ? 'district' : 'commune'} code, got ${quoted(code)}`);
    }
    return { code };
  });
}
