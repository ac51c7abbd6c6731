import { warningMessages as W } from '../messages/warnings.ts';
import type { Warning } from '../catalog/warnings.ts';

/**
 * A zone's stated area (hectares, from its source document) beside the area its drawn shape
 * measures. The stated figure is never changed: where the two differ by more than this factor
 * either way, forms, the import preview and the zone's card say so, with both figures.
 *
 * 1.5×: a surveyed outline takes in paths, gaps and parcels not yet planted, and a source rounds
 * its figure or states an older year's, so differences of a few tens of percent are ordinary.
 * Half again as much, or a third less, is beyond that: a slip of the pen (120 for 1,200), the
 * shape of another zone, or an outline drawn round a whole hillside.
 */
export const AREA_MISMATCH_FACTOR = 1.5;

/** Whether a stated area and a shape's measured area (both in hectares, above 0) differ by more than AREA_MISMATCH_FACTOR either way. */
export function areasDisagree(statedHa: number, measuredHa: number): boolean {
  const ratio = measuredHa / statedHa;
  return ratio > AREA_MISMATCH_FACTOR || ratio < 1 / AREA_MISMATCH_FACTOR;
}

/** A measured area as the app words it, "about" so many hectares: whole hectares from 10 ha, tenths below. */
export function approximateHa(measuredHa: number): number {
  return measuredHa >= 10 ? Math.round(measuredHa) : Math.round(measuredHa * 10) / 10;
}

/** The warning, with both figures, when a stated area and a shape's measured one disagree (the form and the import preview word it alike); null when they agree. */
export function areaMismatchWarning(statedHa: number, measuredHa: number): Warning | null {
  if (!areasDisagree(statedHa, measuredHa)) return null;
  return { code: 'area_mismatch', message: W.areaDisagrees(statedHa, approximateHa(measuredHa), AREA_MISMATCH_FACTOR) };
}
