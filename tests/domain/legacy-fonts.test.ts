import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, legacyFontOf, tcvn3ToUnicode, vniToUnicode } from '../../server/domain/legacy-fonts.ts';

/**
 * Vietnamese typed in TCVN3 (ABC) and VNI Windows fonts, as files from provincial offices hold it: converted with the
 * standard tables, and told apart from ordinary text — a false alarm would refuse a real import.
 */

/** Every lower-case Vietnamese letter that is not ASCII (66 vowels with their marks and tones, and đ). */
const LETTERS = [
  ...[...'aăâeêioôơuưy'].flatMap((v) => ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => `${v}${t}`.normalize('NFC'))),
  'đ',
].filter((c) => !/^[a-z]$/.test(c));

describe('TCVN3 (ABC) to Unicode', () => {
  it.each([
    ['§iÖn Biªn', 'Điện Biên'],
    ['Th¸i', 'Thái'],
    ['Th¸i Nguyªn', 'Thái Nguyên'],
    ['§¹t chuÈn', 'Đạt chuẩn'],
    ['M\u00ADêng Chµ', 'Mường Chà'],
    ['Tña Chïa', 'Tủa Chùa'],
    ['TiÕng ViÖt', 'Tiếng Việt'],
    ['Hîp t¸c x· N«ng nghiÖp', 'Hợp tác xã Nông nghiệp'],
    ['5/Q§-UBND', '5/QĐ-UBND'],
  ])('%s → %s', (tcvn3, unicode) => expect(tcvn3ToUnicode(tcvn3)).toBe(unicode));

  it('gives each lower-case letter and Ă Â Ê Ô Ơ Ư Đ one code of 0xA1–0xFE, and leaves ASCII alone', () => {
    const codes = Array.from({ length: 0xfe - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i));
    // ý is its own code (0xFD); the other codes a letter does not take stay as they are.
    const letters = codes.map(tcvn3ToUnicode).filter((u, i) => u !== codes[i] || u === 'ý');
    expect(letters.sort()).toEqual([...LETTERS, ...'ĂÂÊÔƠƯĐ'].sort());
    expect(tcvn3ToUnicode('Shan tuyet 2025, A-Z')).toBe('Shan tuyet 2025, A-Z');
  });
});

describe('VNI Windows to Unicode', () => {
  it.each([
    ['Ñieän Bieân', 'Điện Biên'],
    ['Thaùi Nguyeân', 'Thái Nguyên'],
    ['Ñaït chuaån', 'Đạt chuẩn'],
    ['Möôøng AÛng', 'Mường Ảng'],
    ['Tuûa Chuøa', 'Tủa Chùa'],
    ['Tieáng Vieät', 'Tiếng Việt'],
    ['Quyeát ñònh coâng nhaän', 'Quyết định công nhận'],
    ['Xaõ Möôøng Phaêng', 'Xã Mường Phăng'],
    ['khuyûu', 'khuỷu'],
    ['ÑIEÄN BIEÂN PHUÛ', 'ĐIỆN BIÊN PHỦ'],
  ])('%s → %s', (vni, unicode) => expect(vniToUnicode(vni)).toBe(unicode));
});

describe('telling text typed in a legacy font', () => {
  it.each([
    ['§iÖn Biªn', 'TCVN3', 'Điện Biên'],
    ['Th¸i Nguyªn', 'TCVN3', 'Thái Nguyên'],
    ['Vïng chÌ Shan tuyÕt Tña Chïa', 'TCVN3', 'Vùng chè Shan tuyết Tủa Chùa'],
    ['UBND x· Thanh X\u00AD¬ng', 'TCVN3', 'UBND xã Thanh Xương'],
    ['§IÖN BI£N', 'TCVN3', 'ĐIệN BIÊN'],
    ['NËm På', 'TCVN3', 'Nậm Pồ'],
    ['Ñieän Bieân', 'VNI', 'Điện Biên'],
    ['Thaùi Nguyeân', 'VNI', 'Thái Nguyên'],
    ['Huyeän Ñieän Bieân Ñoâng', 'VNI', 'Huyện Điện Biên Đông'],
    ['HTX Noâng nghieäp Tuûa Chuøa', 'VNI', 'HTX Nông nghiệp Tủa Chùa'],
    ['Baùo caùo Sôû Noâng nghieäp 2025', 'VNI', 'Báo cáo Sở Nông nghiệp 2025'],
    // "Caù" would be "caú", its tone where Vietnamese never puts one.
    ['Caù laù ñaù', 'VNI', 'Cá lá đá'],
    ['Cheø laù', 'VNI', 'Chè lá'],
    ['Caù loùc Ñieän Bieân', 'VNI', 'Cá lóc Điện Biên'],
    ['Thòt traâu gaùc beáp', 'VNI', 'Thịt trâu gác bếp'],
  ])('%s is %s for %s', (text, font, unicode) => expect(legacyFontOf(text)).toEqual({ font, unicode }));

  it.each([
    // Vietnamese as it should be, in any case
    'Điện Biên',
    'Thái Nguyên',
    'Mường Ảng',
    'Chè Shan tuyết Tủa Chùa',
    'ĐIỆN BIÊN PHỦ',
    'Ông Lò Văn Muôn',
    'Bún chả Hà Nội',
    'Cà phê Mường Ảng',
    'Nậm Pồ',
    'Sam Mứn',
    'Noong Hẹt',
    'Quỳnh Nhai',
    '5/QĐ-UBND',
    // ñ © ® § and other Latin-1 as other languages and documents use them
    'Peña Blanca',
    'Muñoz & Sons',
    'Ñandú',
    'Ñu',
    'Año Nuevo',
    'Sữa Mộc Châu®',
    'Trà Shan ® 2024',
    'HTX Nông sản © 2024',
    '© Sở Nông nghiệp',
    'Điều 5 § 2',
    '§2',
    '1ª edição',
    'Café São Paulo',
    'Nestlé Việt Nam',
    'Zürich',
    'Øresund',
    'Crème brûlée',
    'Façade',
    'Über alles',
    'Björk',
    'Smörgåsbord',
    'naïve Noël',
    'Seán',
    'Honey from Sen Thuong',
    'Report – 2025 “final”',
    '',
  ])('%j is ordinary text', (text) => expect(legacyFontOf(text)).toBeNull());

  it('takes one word for a font only with a TCVN3 symbol: "mét" (một) or "Cheø" (Chè) alone may be a word of another language', () => {
    expect(legacyFontOf('Th¸i')).toEqual({ font: 'TCVN3', unicode: 'Thái' });
    expect(legacyFontOf('mét')).toBeNull();
    expect(legacyFontOf('Cheø')).toBeNull();
  });

  it('knows Vietnamese syllables, tones and all, and no others', () => {
    const syllables = ['Thái', 'Nguyên', 'khuỷu', 'quốc', 'giếng', 'nghiêng', 'Ưng', 'xoong', 'Lọong', 'Mứn', 'Hỳ', 'thuở', 'Pồ', 'Lìa'];
    for (const w of [...syllables, 'người', 'cứu', 'hoà', 'hòa', 'thuỷ', 'thủy', 'ngoài', 'giữa', 'gìn']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['Shan', 'Thaùi', 'Biªn', 'Peña', 'tèat', 'Hàá', 'ăn1', 'caú', 'ngươì', 'hòan']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});
