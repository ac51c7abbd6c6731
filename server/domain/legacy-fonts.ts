/**
 * Vietnamese typed in the fonts offices used before Unicode: TCVN3 (ABC, the ".VnTime" fonts) and VNI Windows
 * ("VNI-Times"). A file typed in them holds valid Unicode that reads as other letters: "Th¸i Nguyªn", "§iÖn Biªn"
 * (TCVN3) and "Thaùi Nguyeân", "Ñieän Bieân" (VNI) for "Thái Nguyên", "Điện Biên" — each of the font's codes shown
 * as the Windows-1252 character of the same byte. Their conversion to Unicode is the standard one (as Unikey's
 * converter does it); whether a text is in one of them is told word by word, so ordinary text is never taken for
 * it: see legacyFontOf. Pure and isomorphic.
 */
export const LEGACY_FONTS = ['TCVN3', 'VNI'] as const;
export type LegacyFont = (typeof LEGACY_FONTS)[number];

/** The fonts as Unikey's converter names them, in every language (messages and the import page). */
export const LEGACY_FONT_NAMES: Record<LegacyFont, string> = { TCVN3: 'TCVN3 (ABC)', VNI: 'VNI Windows' };

/** TCVN3 (TCVN 5712:1993, VN3): one byte per letter, from the byte each run starts at. Uppercase toned letters have none. */
const TCVN3_RUNS: readonly [number, string][] = [
  [0xa1, 'ĂÂÊÔƠƯĐăâêôơưđ'],
  [0xb5, 'àảãáạ'],
  [0xbb, 'ằẳẵắ'],
  [0xc6, 'ặầẩẫấậè'],
  [0xce, 'ẻẽéẹềểễếệìỉ'],
  [0xdc, 'ĩíịò'],
  [0xe1, 'ỏõóọồổỗốộờởỡớợù'],
  [0xf1, 'ủũúụừửữứựỳỷỹýỵ'],
];
const TCVN3 = new Map(TCVN3_RUNS.flatMap(([first, letters]) => [...letters].map((u, i) => [String.fromCharCode(first + i), u] as const)));

/** VNI Windows: a few letters of their own, each lower then upper case ("ñ" đ, "Ñ" Đ)… */
const VNI_LETTERS: readonly [string, string][] = [
  ['ñÑ', 'đĐ'],
  ['ôÔ', 'ơƠ'],
  ['öÖ', 'ưƯ'],
  ['óÓ', 'ĩĨ'],
  ['æÆ', 'ỉỈ'],
  ['òÒ', 'ịỊ'],
  ['îÎ', 'ỵỴ'],
];
/** …and the marks typed after a vowel (the tone, the circumflex or breve, or both): "eä" is ệ, "aù" á. */
const VNI_MARKS: readonly [string, string][] = [
  ['øØ', '\u0300'],
  ['ùÙ', '\u0301'],
  ['ûÛ', '\u0309'],
  ['õÕ', '\u0303'],
  ['ïÏ', '\u0323'],
  ['âÂ', '\u0302'],
  ['àÀ', '\u0302\u0300'],
  ['áÁ', '\u0302\u0301'],
  ['åÅ', '\u0302\u0309'],
  ['ãÃ', '\u0302\u0303'],
  ['äÄ', '\u0302\u0323'],
  ['êÊ', '\u0306'],
  ['èÈ', '\u0306\u0300'],
  ['éÉ', '\u0306\u0301'],
  ['úÚ', '\u0306\u0309'],
  ['üÜ', '\u0306\u0303'],
  ['ëË', '\u0306\u0323'],
];
const VNI_LETTER = new Map(VNI_LETTERS.flatMap(([codes, letters]) => [...codes].map((c, i) => [c, letters[i]] as const)));
const VNI_MARK = new Map(VNI_MARKS.flatMap(([codes, marks]) => [...codes].map((c) => [c, marks] as const)));

/** TCVN3 text in Unicode: "§iÖn Biªn" → "Điện Biên". */
export function tcvn3ToUnicode(text: string): string {
  return [...text].map((c) => TCVN3.get(c) ?? c).join('');
}

/** VNI text in Unicode: "Ñieän Bieân" → "Điện Biên". A mark's code not after a vowel is left as it is. */
export function vniToUnicode(text: string): string {
  return vniRead(text).unicode;
}

/** VNI text read: in Unicode, and whether a mark's code stood where VNI never types one (after a consonant: "Cà", "phê"). */
function vniRead(text: string): { unicode: string; stray: boolean } {
  let out = '';
  let afterVowel = false;
  let stray = false;
  for (const c of text) {
    const mark = VNI_MARK.get(c);
    if (mark !== undefined && afterVowel) {
      out += mark;
      continue;
    }
    stray ||= mark !== undefined;
    const letter = VNI_LETTER.get(c) ?? c;
    out += letter;
    afterVowel = /^[aeiouy]/i.test(letter.normalize('NFD'));
  }
  return { unicode: out.normalize('NFC'), stray };
}

const CONVERT: Record<LegacyFont, (text: string) => string> = { TCVN3: tcvn3ToUnicode, VNI: vniToUnicode };

/** The tones, as NFD writes them. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
/** Vietnamese's letters: a–z (with f, j, w, z of loanwords), đ, and its vowels with their marks and tones, lower case. */
const VIETNAMESE_LETTERS = new Set([
  ...'abcdefghijklmnopqrstuvwxyzđ',
  ...[...'aăâeêioôơuưy'].flatMap((v) => ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => `${v}${t}`.normalize('NFC'))),
]);
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?';
/** Every rhyme (vần) a syllable may end in, without its tone. */
const RHYMES = `a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
  i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
  o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeng oeo oet oi om on ong ooc oong op ot
  ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
  u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ uôc uôi uôm uôn uông uôt up ut
  uy uya uych uyên uyêt uyn uynh uyp uyt uyu
  ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
  y yêm yên yêng yêt yêu`.split(/\s+/);
const SYLLABLE = new RegExp(`^(${ONSET})(${RHYMES.join('|')})$`, 'u');

/**
 * Whether a word is one Vietnamese syllable: its letters, an onset and a rhyme ("Nguyên", "khuỷu"), and one tone at
 * most, on the vowel that carries it ("cá", never "caú" — VNI's "caù").
 */
export function isVietnameseSyllable(word: string): boolean {
  const letters = [...word.normalize('NFC').toLowerCase()];
  if (!letters.every((c) => VIETNAMESE_LETTERS.has(c))) return false;
  const toned = letters.map((c) => TONE.test(c.normalize('NFD')));
  if (toned.filter(Boolean).length > 1) return false;
  const bare = letters.map((c) => c.normalize('NFD').replace(TONES, '').normalize('NFC'));
  const parts = SYLLABLE.exec(bare.join(''));
  if (!parts) return false;
  const at = toned.indexOf(true);
  return at === -1 || toneVowels(bare.slice(parts[1].length)).includes(at - parts[1].length);
}

/**
 * Where a rhyme's tone goes (positions in the rhyme, without tones): on its last vowel with a mark (ă â ê ô ơ ư:
 * "người", "cứu"); else on the last vowel before a final consonant ("hoàn"); else on the first of two vowels ("tủa",
 * "mía"), either of oa, oe, uy (old and new spelling: "hòa", "hoà") and of oo ("Lọong"), the middle of three
 * ("khuỷu", "ngoài").
 */
function toneVowels(rhyme: readonly string[]): number[] {
  const vowels = rhyme.flatMap((c, i) => (/[aăâeêioôơuưy]/.test(c) ? [i] : []));
  const marked = vowels.filter((i) => /[ăâêôơư]/.test(rhyme[i]));
  if (marked.length) return [marked.at(-1)!];
  if (rhyme[0] === 'o' && rhyme[1] === 'o') return [0, 1];
  if (vowels.at(-1)! < rhyme.length - 1) return [vowels.at(-1)!];
  if (vowels.length === 1) return vowels;
  if (vowels.length === 2) return ['oa', 'oe', 'uy'].includes(rhyme.join('')) ? vowels : [vowels[0]];
  return [vowels[1]];
}

/** TCVN3's codes that are no letter in any language (§ for Đ, ¸ for á, ª for ê, × for ì…): one is enough to tell. */
const TCVN3_SYMBOL = /[\u00A1-\u00BF\u00D7\u00F7]/u;
/** A letter past Latin-1: never in a legacy font's text, whose codes are all Windows-1252 characters. */
const UNICODE_LETTER = /[\u0100-\u024F\u1E00-\u1EFF]/u;
/** Any character above ASCII: both fonts' letters are. */
const NOT_ASCII = /[\u0080-\uFFFF]/;

/** A legacy font's code, or a letter or mark: what words are made of. */
const isWordChar = (c: string) => /[\p{L}\p{M}]/u.test(c) || TCVN3.has(c) || VNI_MARK.has(c);

/** What a text read in a legacy font is: the font, and the text in Unicode. */
export interface LegacyReading {
  font: LegacyFont;
  unicode: string;
}

/**
 * Whether a text is Vietnamese typed in TCVN3 or VNI. A word is evidence for a font when it is no Vietnamese
 * syllable, holds an ASCII letter, and the font makes it one ("Th¸i" → Thái, "Bieân" → Biên); it tells against the
 * font when it is a Vietnamese syllable the font would make into none ("Biên" → "Biờn"), or holds a VNI mark VNI
 * could not have typed there. The text is in the font with more evidence than against, and at least two words of it
 * or one with a TCVN3 symbol (§ ¸ ª…). Ordinary Vietnamese holds no evidence (its words are syllables already, and
 * a letter past Latin-1 such as ư or ạ tells Unicode at once); names such as "Peña", "Zürich", "Sữa Mộc Châu®",
 * "§ 2", "© 2024" or "Seán" not enough. A word both ways ("mét", TCVN3 for "một") tells nothing, so a text of such
 * words only is not told ("Sè 5/Q§-UBND"), nor one word of VNI ("Cheø").
 * @returns the font and the text converted, or null for text as it should be
 */
export function legacyFontOf(text: string): LegacyReading | null {
  // Both fonts put their letters above ASCII, and Unicode Vietnamese has letters beyond Latin-1: most cells stop here.
  if (!NOT_ASCII.test(text) || UNICODE_LETTER.test(text)) return null;
  const words: string[] = [];
  let word = '';
  for (const c of `${text} `) {
    if (isWordChar(c)) word += c;
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  let best: { font: LegacyFont; score: number } | null = null;
  for (const font of LEGACY_FONTS) {
    let evidence = 0;
    let strong = false;
    let against = 0;
    for (const w of words) {
      const converted = CONVERT[font](w);
      const vietnamese = isVietnameseSyllable(w);
      if (converted !== w && !vietnamese && /[A-Za-z]/.test(w) && isVietnameseSyllable(converted)) {
        evidence++;
        strong ||= font === 'TCVN3' && TCVN3_SYMBOL.test(w);
      } else if ((converted !== w && vietnamese && !isVietnameseSyllable(converted)) || (font === 'VNI' && vniRead(w).stray)) {
        against++;
      }
    }
    // One word of foreign letters alone ("Seán", "søn") may look like either font: two, or one of TCVN3's symbols, tell.
    const told = (evidence >= 2 || strong) && evidence > against;
    if (told && (best === null || evidence - against > best.score)) best = { font, score: evidence - against };
  }
  return best && { font: best.font, unicode: CONVERT[best.font](text) };
}
