import { effect, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { sameValue } from '../../client/lib/same-value.ts';
import { stableComputed } from '../../client/state/stable.ts';

describe('sameValue', () => {
  it.each([
    [1, 1, true],
    [1, 2, false],
    [Number.NaN, Number.NaN, true],
    ['a', 'a', true],
    [null, null, true],
    [null, {}, false],
    [undefined, null, false],
    [[1, [2, { a: 3 }]], [1, [2, { a: 3 }]], true],
    [[1, 2], [1, 2, 3], false],
    [[1, 2], { 0: 1, 1: 2 }, false],
    [{ a: 1, b: { c: 'x' } }, { b: { c: 'x' }, a: 1 }, true],
    [{ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'y' } }, false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: undefined }, { b: undefined }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
    expect(sameValue(b, a)).toBe(same);
  });

  it('takes a shared reference as equal, and compares other objects than plain ones only by reference', () => {
    const m = new Map([['a', 1]]);
    expect(sameValue({ m }, { m })).toBe(true);
    expect(sameValue({ m }, { m: new Map([['a', 1]]) })).toBe(false);
    expect(sameValue(new Date(0), new Date(0))).toBe(false);
  });
});

describe('stableComputed', () => {
  it('keeps its value, and notifies nobody, while the content stays the same', () => {
    const date = signal('2021-01-31');
    const counts: Record<string, { standard: number }> = { '2021-01-31': { standard: 3 }, '2021-02-28': { standard: 3 }, '2021-03-31': { standard: 5 } };
    const figures = stableComputed(() => ({ standard: counts[date.value].standard }));
    const seen: unknown[] = [];
    const stop = effect(() => {
      seen.push(figures.value);
    });
    date.value = '2021-02-28';
    expect(seen).toHaveLength(1);
    date.value = '2021-03-31';
    expect(seen).toEqual([{ standard: 3 }, { standard: 5 }]);
    date.value = '2021-01-31';
    expect(seen).toEqual([{ standard: 3 }, { standard: 5 }, { standard: 3 }]);
    expect(figures.value).toBe(seen[2]);
    stop();
  });
});
