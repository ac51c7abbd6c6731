import type { Licence, LicenceRole, Province } from './province.ts';

/**
 * The licences content falls under are the province's data (geodata/province.json): a collection
 * names the roles its content plays — boundary-derived shapes, unit codes and names, sourced
 * facts — and the province says which licence each role carries. The map's attribution, every
 * download and the OGC collections resolve them here.
 */
export type { Licence, LicenceRole };

/** The licences of some roles, in the order given, each once (two roles may share a licence). */
export function resolveLicences(roles: readonly LicenceRole[], province: Pick<Province, 'licences'>): Licence[] {
  const found = new Map<string, Licence>();
  for (const role of roles) {
    const l = province.licences[role];
    if (!found.has(l.id)) found.set(l.id, l);
  }
  return [...found.values()];
}
