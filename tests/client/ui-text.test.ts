import { describe, expect, it } from 'vitest';
import { formatDate, STRINGS } from '../../client/ui/i18n.ts';

describe('interface text', () => {
  it.each(Object.entries(STRINGS))('%s has Vietnamese and English, in NFC', (_key, label) => {
    expect(label.vi.trim()).not.toBe('');
    expect(label.en.trim()).not.toBe('');
    expect(label.vi).toBe(label.vi.normalize('NFC'));
    expect(label.en).toBe(label.en.normalize('NFC'));
  });

  it('formats dates per language', () => {
    expect(formatDate('2021-06-30', 'vi')).toBe('30/06/2021');
    expect(formatDate('2021-06-30', 'en')).toBe('30 Jun 2021');
  });
});
