import { validator } from 'hono/validator';
import type { Snapshot } from '../db/snapshot.ts';
import { type ParamContext, type ParamDef, ParamError, parseQuery } from '../catalog/params.ts';
import { provinceDate } from '../domain/dates.ts';
import { paramMessages as P } from '../messages/params.ts';
import { ApiError, quoted } from './errors.ts';

/**
 * Query parameters are parsed at the edge with the catalog's bounded parsers (server/catalog/params.ts);
 * handlers read the typed result of `c.req.valid('query')` and trust it. Unknown or repeated
 * parameters are rejected, so a typo (`asof=`) is an error instead of a silent default.
 */
export function queryParams<P extends Record<string, ParamDef<unknown>>>(declared: P, data: () => Snapshot) {
  return validator('query', (value) => {
    try {
      return parseQuery<P>(declared, value as Record<string, string | string[]>, paramContext(data()));
    } catch (e) {
      throw asApiError(e);
    }
  });
}

/** What the parsers may consult: the district codes in the data, today's date, the province's dates. */
export function paramContext(data: Snapshot): ParamContext {
  return {
    districtCodes: (set) => data.units[set].districts.map((d) => d.code),
    // The province's day: between 00:00 and 07:00 there, UTC's is still yesterday, and today's date would be refused.
    today: provinceDate(new Date()),
    province: data.province,
  };
}

/** A parser's ParamError as the API's 400; anything else passes through. */
export function asApiError(e: unknown): unknown {
  return e instanceof ParamError ? new ApiError(400, e.code, e.text) : e;
}

/** A path segment that must be a unit code: 3 digits for districts, 5 for communes. */
export function unitCodeParam(digits: 3 | 5) {
  return validator('param', (value: Record<string, string>) => {
    const code = value.code;
    if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
      throw new ApiError(400, 'invalid_parameter', P.unitCode(digits, quoted(code)));
    }
    return { code };
  });
}
