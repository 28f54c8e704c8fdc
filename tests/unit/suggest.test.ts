// "Did you mean" hints for mistyped ids.
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../shared/level/suggest.ts';

const ids = ['alpha-school', 'beta-university', 'gamma-lab', 'delta-books', 'mini-a', 'mini-b'];

describe('suggest', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('finds typos', () => {
    expect(closest('alpha-schol', ids)).toBe('alpha-school');
    expect(closest('beta-univeristy', ids)).toBe('beta-university');
    expect(closest('gama-lab', ids)).toBe('gamma-lab');
    expect(closest('mini-c', ids)).toBe('mini-a');
  });

  it('finds a truncated or extended id', () => {
    expect(closest('delta-book', ids)).toBe('delta-books');
    expect(closest('gamma-lab-2', ids)).toBe('gamma-lab');
  });

  it('rejects unrelated words', () => {
    expect(closest('zebra', ids)).toBeUndefined();
    expect(closest('completely-unrelated', ids)).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });
});
