import type { Lang, Text } from '../messages/text.ts';

/**
 * The administrative unit types the data names (`type` of a commune or district, in Vietnamese as
 * the official lists write it) and how the interface says them. Pure: shared by the client's cards
 * and search, and anything else that names a unit by its type.
 */
export const UNIT_TYPES = {
  Xã: { vi: 'xã', en: 'commune' },
  Phường: { vi: 'phường', en: 'ward' },
  'Thị trấn': { vi: 'thị trấn', en: 'township' },
  Huyện: { vi: 'huyện', en: 'district' },
  'Thị xã': { vi: 'thị xã', en: 'town' },
  'Thành phố': { vi: 'thành phố', en: 'city' },
} as const satisfies Record<string, Text>;

/** A unit type in words, lower case: "Thị xã" → "thị xã" (vi) or "town" (en); a type not listed as the data writes it. */
export function unitTypeLabel(type: string, lang: Lang): string {
  return Object.hasOwn(UNIT_TYPES, type) ? UNIT_TYPES[type as keyof typeof UNIT_TYPES][lang] : type;
}

/** A unit named with its type inside a sentence: "thành phố Điện Biên Phủ" (vi), "Điện Biên Phủ city" (en). */
export function unitTitle(unit: { type: string; name: string }, lang: Lang): string {
  const type = unitTypeLabel(unit.type, lang);
  return lang === 'vi' ? `${type} ${unit.name}` : `${unit.name} ${type}`;
}

/** The first letter in capitals, for a type that starts a line: "xã" → "Xã", "commune" → "Commune". */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A unit type as a label of its own, capitalised, in both languages: "Thành phố" / "City" (a table cell, a search result's kind). */
export function unitTypeText(type: string): Text {
  return { vi: capitalised(unitTypeLabel(type, 'vi')), en: capitalised(unitTypeLabel(type, 'en')) };
}
