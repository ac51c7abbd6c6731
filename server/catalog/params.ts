import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import { foldForSearch } from '../domain/text.ts';
import { paramMessages as P } from '../messages/params.ts';
import { type Text, TextError } from '../messages/text.ts';
import type { ErrorCodeWith } from './error-codes.ts';
import type { Province } from './province.ts';
import { type DescriptionContext, forProvince, type ProvinceText } from './province-text.ts';
import { unitSetName } from '../messages/unit-sets.ts';

/**
 * Query parameters, declared once with their parser, their description and their OpenAPI
 * schema. The /api routes, the OGC API, its OpenAPI document and the downloads all parse with
 * these; a bad value throws a ParamError that the HTTP layer turns into a 400 naming the
 * parameter. Parsers are bounded: every value has a closed set, a range or a length limit.
 */
export class ParamError extends TextError {
  constructor(
    readonly param: string,
    message: Text,
    readonly code: ErrorCodeWith<400> & ('invalid_parameter' | 'unknown_parameter') = 'invalid_parameter',
  ) {
    super(message);
  }
}

/** What a parser may consult: the codes that exist, today's date, the province's dates. */
export interface ParamContext {
  /** Codes of the districts of a unit set, for `district=`. */
  districtCodes(set: '2019' | '2020'): readonly string[];
  today: IsoDate;
  /** The province the data is about: when its programme began and each unit set was in force. */
  province: Pick<Province, 'programmeStart' | 'unitSets' | 'localCrs'>;
}

/** The JSON Schema (OpenAPI 3.0 subset) of a parameter's raw value. */
export type ParamSchema = { type: 'string' | 'integer' | 'number' | 'boolean' | 'array'; [key: string]: unknown };

export interface ParamDef<T> {
  /** What it means, for the OpenAPI document and docs/COLLECTIONS.md; a function where it names the province's unit sets. */
  description: ProvinceText;
  schema: ParamSchema;
  /** Comma-separated lists are sent as one value (OpenAPI `style: form, explode: false`). */
  parse(raw: string | undefined, name: string, ctx: ParamContext): T;
}

export type ParamValues<P extends Record<string, ParamDef<unknown>>> = { [K in keyof P]: ReturnType<P[K]['parse']> };

/** A parameter's description for the province (read through this, never `def.description`). */
export const paramDescription = (def: ParamDef<unknown>, province: DescriptionContext): string => forProvince(def.description, province);

const fail = (name: string, message: Text) => new ParamError(name, message.en.includes(name) ? message : P.named(name, message));

/**
 * A date `YYYY-MM-DD` in a range; the range's ends may depend on today.
 * @param range first and last accepted dates, and the default when the parameter is absent
 */
export function dateParam(
  range: (ctx: ParamContext) => { min: IsoDate; max: IsoDate; fallback: IsoDate; why: Text },
  description: ParamDef<IsoDate>['description'],
): ParamDef<IsoDate> {
  return {
    description,
    schema: { type: 'string', format: 'date' },
    parse(raw, name, ctx) {
      const { min, max, fallback, why } = range(ctx);
      if (raw === undefined) return fallback;
      if (!isIsoDate(raw)) throw fail(name, P.date(name, raw));
      if (raw < min || raw > max) throw fail(name, P.dateRange(name, min, max, why, raw));
      return raw;
    },
  };
}

/** A comma-separated list of values from a closed set; undefined (no filter) when absent. */
export function listParam<T extends string | number>(values: readonly T[], description: string): ParamDef<T[] | undefined> {
  return {
    description,
    schema: { type: 'array', items: { type: typeof values[0] === 'number' ? 'integer' : 'string', enum: [...values] } },
    parse(raw, name) {
      if (raw === undefined) return undefined;
      const parts = raw.split(',').map((v) => v.trim());
      const parsed = parts.map((v) => values.find((a) => String(a) === v));
      if (parsed.some((v) => v === undefined)) throw fail(name, P.list(name, values.join(', '), raw));
      return [...new Set(parsed as T[])];
    },
  };
}

/** One value from a closed set, with a default. */
export function choiceParam<T extends string>(values: readonly T[], fallback: T, description: ProvinceText): ParamDef<T> {
  return {
    description,
    schema: { type: 'string', enum: [...values], default: fallback },
    parse(raw, name) {
      if (raw === undefined) return fallback;
      const found = values.find((v) => v === raw);
      if (found === undefined) throw fail(name, P.choice(name, values.join(', '), raw));
      return found;
    },
  };
}

/** `true` or `false`; undefined (no filter) when absent. */
export function booleanParam(description: string): ParamDef<boolean | undefined> {
  return {
    description,
    schema: { type: 'boolean' },
    parse(raw, name) {
      if (raw === undefined) return undefined;
      if (raw !== 'true' && raw !== 'false') throw fail(name, P.boolean(name, raw));
      return raw === 'true';
    },
  };
}

/**
 * `skipGeometry=true`: every feature with a null geometry, as OGC API servers such as pygeoapi name
 * it. The map loads shapes only for what it draws and the attributes of the rest.
 */
export const skipGeometryParam = booleanParam('true: every feature with a null geometry (the attributes only, a fraction of the bytes).');

/** A district code of an old unit set; the codes come from the data, the set's name from the province's dates. */
export function districtParam(set: '2019' | '2020'): ParamDef<string | undefined> {
  return {
    description: ({ unitSets }) => `Only features of one district of ${unitSetName(set, unitSets).en} (its 3-digit GSO code).`,
    schema: { type: 'string', pattern: '^[0-9]{3}$' },
    parse(raw, name, ctx) {
      if (raw === undefined) return undefined;
      const codes = ctx.districtCodes(set);
      if (!codes.includes(raw)) throw fail(name, P.district(name, unitSetName(set, ctx.province.unitSets), codes.join(', '), raw));
      return raw;
    },
  };
}

/** Free text, 1–100 characters after trimming, folded for diacritic- and case-insensitive matching. */
export const searchParam: ParamDef<string | undefined> = {
  description: 'Text the name (or producer) contains, ignoring diacritics and case: `mat ong` finds “Mật ong”. At most 100 characters.',
  schema: { type: 'string', maxLength: 100 },
  parse(raw, name) {
    const q = raw?.normalize('NFC').trim();
    if (!q) return undefined;
    if (q.length > 100) throw fail(name, P.search(name, q.length));
    return foldForSearch(q);
  },
};

/**
 * Parses a query against the declared parameters: an undeclared parameter or a repeated one is
 * an error, so a typo (`asof=`) never falls back to a default silently.
 */
export function parseQuery<P extends Record<string, ParamDef<unknown>>>(
  declared: P,
  query: Record<string, string | string[]>,
  ctx: ParamContext,
): ParamValues<P> {
  for (const name of Object.keys(query)) {
    if (!Object.hasOwn(declared, name)) {
      const allowed = Object.keys(declared);
      throw new ParamError(name, P.unknown(name, allowed), 'unknown_parameter');
    }
    if (Array.isArray(query[name])) throw new ParamError(name, P.repeated(name));
  }
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(declared)) {
    out[name] = def.parse(Object.hasOwn(query, name) ? (query[name] as string) : undefined, name, ctx);
  }
  return out as ParamValues<P>;
}
