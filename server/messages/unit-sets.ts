import type { UnitSet, UnitSetPeriods } from '../domain/unit-sets.ts';
import type { Text } from './text.ts';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day as a reader writes it: 1/7/2025 in Vietnamese, 1 July 2025 in English. */
function dayText(iso: string): Text {
  const [y, m, d] = iso.split('-').map(Number);
  return { en: `${d} ${EN_MONTHS[m - 1]} ${y}`, vi: `${d}/${m}/${y}` };
}

/**
 * The years a set was in force, as its name says them: "2019", "2020–2025" (the province's dates).
 * The first set, in force since ever, is named by the last year it held all year: ending on 29 Feb
 * 2020 it is still "2019", not "2020", which would read as the next set's.
 */
export function unitSetYears(set: UnitSet, periods: UnitSetPeriods): string {
  const { from, to } = periods[set];
  if (!from && to) return to.endsWith('-12-31') ? to.slice(0, 4) : String(Number(to.slice(0, 4)) - 1);
  const [first, last] = [from?.slice(0, 4), to?.slice(0, 4)];
  return first && last && first !== last ? `${first}–${last}` : (last ?? first ?? set);
}

/**
 * A unit set as staff know it, named by when it was in force (the province's `unitSets`, never its
 * code): "bộ đơn vị 2019" / "the 2019 units", "bộ đơn vị 2020–2025" / "the 2020–2025 units", and
 * the set still in force by its first day, "bộ đơn vị từ 1/7/2025" / "the units from 1 July 2025".
 */
export function unitSetName(set: UnitSet, periods: UnitSetPeriods): Text {
  const [from, to] = [periods[set].from, periods[set].to];
  if (from && !to) {
    const day = dayText(from);
    return { en: `the units from ${day.en}`, vi: `bộ đơn vị từ ${day.vi}` };
  }
  const years = unitSetYears(set, periods);
  return { en: `the ${years} units`, vi: `bộ đơn vị ${years}` };
}
