import { describe, expect, it } from 'vitest';
import { nextStatus, parseProgress, rankCandidates } from '../../server/domain/candidates.ts';

describe('closest to the next status', () => {
  it('parses criteria counts on any scale', () => {
    expect(parseProgress('17/19')).toEqual({ met: 17, of: 19 });
    expect(parseProgress('14/16 advanced-NTM criteria')).toEqual({ met: 14, of: 16 });
    expect(parseProgress('some criteria dropped')).toBeNull();
    expect(parseProgress(null)).toBeNull();
  });

  it('names the next status', () => {
    expect(nextStatus('none')).toBe('basic');
    expect(nextStatus('basic')).toBe('standard');
    expect(nextStatus('model')).toBeNull();
  });

  it('ranks by status, then share of criteria met, using only facts known by the date', () => {
    const communes = [
      { code: 'a', name: 'A', status: 'none' as const, criteriaMet: null, statusYear: null },
      { code: 'b', name: 'B', status: 'basic' as const, criteriaMet: null, statusYear: 2019 },
      { code: 'c', name: 'C', status: 'basic' as const, criteriaMet: null, statusYear: 2019 },
      { code: 'd', name: 'D', status: 'model' as const, criteriaMet: 19, statusYear: 2024 },
    ];
    const facts = [{ code: 'c', year: 2023, criteriaText: '17/19', kind: 'criteria-progress' as const }];
    const before = rankCandidates(communes, facts, '2022-12-31');
    expect(before.map((c) => c.code)).toEqual(['b', 'c', 'a']);
    const after = rankCandidates(communes, facts, '2023-12-31');
    expect(after.map((c) => c.code)).toEqual(['c', 'b', 'a']);
    expect(after[0]).toMatchObject({ nextStatus: 'standard', progress: { met: 17, of: 19, year: 2023 } });
  });
});
