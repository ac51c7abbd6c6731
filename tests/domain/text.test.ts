import { describe, expect, it } from 'vitest';
import { cleanName, foldForSearch, slugify } from '../../server/domain/text.ts';

describe('text', () => {
  it.each([
    ['Mường Ảng', 'muong ang'],
    ['MƯỜNG ẢNG', 'muong ang'],
    ['Điện Biên Đông', 'dien bien dong'],
    ['Tủa Chùa', 'tua chua'],
    ["HTX H'Mông", 'htx h mong'],
    ['Gạo Tâm Sáng – Séng cù', 'gao tam sang seng cu'],
    ['Mu\u031Bo\u0300ng', 'muong'],
  ])('foldForSearch(%s) = %s', (text, folded) => expect(foldForSearch(text)).toBe(folded));

  it('cleanName gives NFC with single spaces', () => {
    const decomposed = '  Thanh   Chăn '.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    expect(cleanName(decomposed)).toBe('Thanh Chăn'.normalize('NFC'));
  });

  it('slugify makes stable ASCII ids', () => {
    expect(slugify('Mật ong hoa ban')).toBe('mat-ong-hoa-ban');
    expect(slugify('Trà Shan tuyết P.H.1.4')).toBe('tra-shan-tuyet-p-h-1-4');
  });
});
