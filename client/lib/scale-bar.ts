/**
 * Scale bars and map scales for printed and saved maps. Pure: Web Mercator ground resolution
 * at a latitude and zoom (MapLibre's 512-pixel tiles), and a round length that fits.
 */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** One CSS pixel on paper: 1/96 inch, in metres. */
const CSS_PIXEL_M = 0.0254 / 96;

/** Metres on the ground per CSS pixel at a latitude (degrees) and MapLibre zoom. */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ metres) whose bar is at most `maxPx` CSS pixels.
 * @returns the bar's length in CSS pixels, the distance it stands for in metres, and that distance written out
 */
export function scaleBar(metresPerPx: number, maxPx: number): { px: number; metres: number; label: string } {
  const most = metresPerPx * maxPx;
  const magnitude = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((k) => k * magnitude).find((m) => m <= most) ?? magnitude;
  return { px: metres / metresPerPx, metres, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** The map's scale on paper printed at 100 %, as the denominator of 1 : N, rounded to two significant figures. */
export function scaleDenominator(metresPerPx: number): number {
  const n = metresPerPx / CSS_PIXEL_M;
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}
