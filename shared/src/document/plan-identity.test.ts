import { samePlan, type PlanIdentity } from './plan-identity';

const plan: PlanIdentity = {
  number: '44/KH-UBND',
  issuer: 'UBND tỉnh Thái Nguyên',
  title: 'Kế hoạch',
  issuedOn: null,
};

describe('samePlan', () => {
  it.each<[string, Partial<PlanIdentity>, boolean]>([
    ['the same printed facts', {}, true],
    ['a number written with other spacing and case', { number: ' 44/kh-UBND' }, true],
    ['another title under the same number', { title: 'Kế hoạch (bản in lại)' }, true],
    ['another number', { number: '45/KH-UBND' }, false],
    ['another issuer', { issuer: 'Sở Khoa học và Công nghệ' }, false],
    ['no issuer', { issuer: null }, false],
    ['a number on one side only', { number: null }, false],
  ])('%s', (_case, change, expected) => {
    expect(samePlan(plan, { ...plan, ...change })).toBe(expected);
  });

  it('compares unnumbered plans by title and date', () => {
    const unnumbered = { ...plan, number: null, issuedOn: '2025-10-18' };
    expect(samePlan(unnumbered, { ...unnumbered })).toBe(true);
    expect(samePlan(unnumbered, { ...unnumbered, issuedOn: '2025-10-19' })).toBe(false);
    expect(samePlan(unnumbered, { ...unnumbered, title: 'Kế hoạch khác' })).toBe(false);
  });
});
