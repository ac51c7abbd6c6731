import { PROVINCE } from './province.ts';
import { cleanName, foldForSearch } from '../../server/domain/text.ts';
import type { UnitFeature } from '../../server/catalog/geodata.ts';

/**
 * Resolves the free-text place names of the research CSVs to unit codes.
 *
 * Rules, in order:
 * 1. Strip a type prefix ("Xã", "TT", "Thị trấn", "Phường", "Huyện", "TP", "TX") and
 *    any parenthesised remark ("Nà Tấu (now TP Điện Biên Phủ)").
 * 2. Exact NFC name, first inside the hinted districts, then anywhere in the province.
 * 3. The press spellings that differ from the GSO list (the province's nameSpellings, ./province.ts).
 * 4. The same name without diacritics or case, when it is unique.
 * Anything else is unresolved and reported by the caller; nothing is guessed.
 */

const TYPE_PREFIX = /^(xã|phường|thị trấn|tt|huyện|thành phố|tp|thị xã|tx)\.?\s+/i;

export function stripRemarks(text: string): string {
  return cleanName(text.replace(/\([^)]*\)/g, ' '))
    .replace(TYPE_PREFIX, '')
    .trim();
}

export interface Gazetteer {
  districts: UnitFeature[];
  communes: UnitFeature[];
  communes2019: UnitFeature[];
  communes2025: UnitFeature[];
}

export function resolveDistrict(g: Gazetteer, text: string): UnitFeature | null {
  const name = stripRemarks(text);
  return uniqueMatch(g.districts, name);
}

export function resolveCommune(g: Gazetteer, text: string, districtCodes: readonly string[] = []): UnitFeature | null {
  const name = stripRemarks(text);
  const inHinted = g.communes.filter((c) => districtCodes.includes(c.properties.districtCode ?? ''));
  return (inHinted.length ? uniqueMatch(inHinted, name) : null) ?? uniqueMatch(g.communes, name);
}

/** A commune of the 2019 set that the 2020 change retired (only Tà Lèng). */
export function resolveRetiredCommune(g: Gazetteer, text: string): UnitFeature | null {
  const current = new Set(g.communes.map((c) => c.properties.code));
  return uniqueMatch(
    g.communes2019.filter((c) => !current.has(c.properties.code)),
    stripRemarks(text),
  );
}

/** A unit of the 2025 set by its new name ("Thanh Nưa", "Xã Mường Chà"). */
export function resolveCommune2025(g: Gazetteer, text: string): UnitFeature | null {
  return uniqueMatch(g.communes2025, stripRemarks(text));
}

function uniqueMatch(units: UnitFeature[], name: string): UnitFeature | null {
  const exact = units.filter((u) => u.properties.name === name);
  if (exact.length === 1) return exact[0];
  const alias = Object.hasOwn(PROVINCE.nameSpellings, name) ? PROVINCE.nameSpellings[name] : undefined;
  const aliased = alias ? units.filter((u) => u.properties.name === alias) : [];
  if (aliased.length === 1) return aliased[0];
  const folded = foldForSearch(name);
  const loose = units.filter((u) => foldForSearch(u.properties.name) === folded);
  return loose.length === 1 ? loose[0] : null;
}
