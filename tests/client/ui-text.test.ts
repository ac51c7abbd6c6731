import { describe, expect, it } from 'vitest';
import { HELP_STRINGS } from '../../client/ui/help-text.ts';
import { EDITING_STRINGS } from '../../client/ui/i18n-editing.ts';
import { countOf, formatDate, formatInstant, formatInstantDate, formatPercent, STRINGS } from '../../client/ui/i18n.ts';

describe('interface text', () => {
  it.each(Object.entries({ ...STRINGS, ...EDITING_STRINGS, ...HELP_STRINGS }))('%s has Vietnamese and English, in NFC', (_key, label) => {
    expect(label.vi.trim()).not.toBe('');
    expect(label.en.trim()).not.toBe('');
    expect(label.vi).toBe(label.vi.normalize('NFC'));
    expect(label.en).toBe(label.en.normalize('NFC'));
  });

  it('formats dates per language', () => {
    expect(formatDate('2021-06-30', 'vi')).toBe('30/06/2021');
    expect(formatDate('2021-06-30', 'en')).toBe('30 Jun 2021');
    // Instants (when a change was made) in Vietnam's time, whatever the reader's clock: 14:22 UTC is 21:22 there.
    expect(formatInstant('2026-11-27T14:22:05.000Z', 'vi')).toBe('27/11/2026 21:22 (GMT+7)');
    expect(formatInstant('2026-11-27T18:05:00.000Z', 'en')).toBe('28 Nov 2026 01:05 (GMT+7)');
    // An instant's date is Vietnam's too: 06:03 on 28/11 there is still 27/11 in UTC.
    expect(formatInstantDate('2026-11-27T23:03:00.000Z', 'vi')).toBe('28/11/2026');
    expect(formatInstantDate('2026-11-27T23:03:00.000Z', 'en')).toBe('28 Nov 2026');
    expect(formatInstantDate('2026-11-27T16:59:59.000Z', 'vi')).toBe('27/11/2026');
  });

  it('keeps a Vietnamese percentage on one line: a no-break space before %, so "58,9" and "%" never part', () => {
    expect(formatPercent(0.589, 'vi')).toBe('58,9\u00a0%');
    expect(formatPercent(0.589, 'en')).toBe('58.9%');
  });

  it('keeps a count of products of a kind on one line: "5 × 4★", never "5 ×" at a line’s end', () => {
    expect(countOf(5, '4★', 'vi')).toBe('5\u00a0×\u00a04★');
    expect(countOf(1200, 'chưa rõ số sao', 'vi')).toBe('1.200\u00a0×\u00a0chưa rõ số sao');
  });
});
