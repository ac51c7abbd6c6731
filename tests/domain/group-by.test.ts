import { describe, expect, it } from 'vitest';
import { countBy, groupBy } from '../../server/domain/group-by.ts';

const items = [
  { code: 'b', n: 1 },
  { code: 'a', n: 2 },
  { code: 'b', n: 3 },
];

describe('groupBy', () => {
  it('groups items by key, keys in first-seen order and items in their order', () => {
    const groups = groupBy(items, (i) => i.code);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')).toEqual([items[0], items[2]]);
    expect(groups.get('a')).toEqual([items[1]]);
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], (i: { code: string }) => i.code).size).toBe(0);
  });
});

describe('countBy', () => {
  it('counts items by key, keys in first-seen order', () => {
    expect([...countBy(items, (i) => i.code)]).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('gives an empty map for no items, so a missing key reads as no count', () => {
    expect(countBy([], (i: { code: string }) => i.code).get('a')).toBeUndefined();
  });
});
