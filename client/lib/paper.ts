/** Paper sizes the print layout offers (ISO 216), in millimetres, portrait. */
export const PAPERS = { a4: { width: 210, height: 297, label: 'A4' }, a3: { width: 297, height: 420, label: 'A3' } } as const;
export type Paper = keyof typeof PAPERS;
export type Orientation = 'landscape' | 'portrait';

/** A sheet's width and height in millimetres. */
export function sheetSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPERS[paper];
  return orientation === 'portrait' ? { width, height } : { width: height, height: width };
}

/** Millimetres to CSS pixels (96 per inch). */
export const mmToPx = (mm: number) => (mm * 96) / 25.4;
