import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import vietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import vietnamese700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';
import type { FontFile } from '../layers/style.ts';

/**
 * Noto Sans files bundled with the client, for MapLibre's `font-faces`: labels are drawn from
 * them in the browser, so no glyph server is needed and every Vietnamese diacritic is covered.
 * The unicode ranges are those fontsource publishes for its latin and vietnamese subsets.
 */
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'];
const VIETNAMESE = [
  'U+0102-0103',
  'U+0110-0111',
  'U+0128-0129',
  'U+0168-0169',
  'U+01A0-01A1',
  'U+01AF-01B0',
  'U+0300-0301',
  'U+0303-0304',
  'U+0308-0309',
  'U+0323',
  'U+0329',
  'U+1EA0-1EF9',
  'U+20AB',
];

const absolute = (url: string) => new URL(url, location.href).href;

export function mapFonts(): { regular: FontFile[]; bold: FontFile[] } {
  return {
    regular: [
      { url: absolute(latin400), 'unicode-range': LATIN },
      { url: absolute(vietnamese400), 'unicode-range': VIETNAMESE },
    ],
    bold: [
      { url: absolute(latin700), 'unicode-range': LATIN },
      { url: absolute(vietnamese700), 'unicode-range': VIETNAMESE },
    ],
  };
}
