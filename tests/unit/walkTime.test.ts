// Route times mean one thing: a person walking the route in a real hall (1.2 m/s plus stairs
// and lifts), not the avatar (7 m/s); every label that shows a time says so.
import { describe, expect, it } from 'vitest';
import { WALK_SPEED as AVATAR_SPEED } from '../../shared/movement.ts';
import { WALK_SPEED } from '../../shared/route/types.ts';
import { realWalkMinutes } from '../../shared/route/walkTime.ts';
import { translate } from '../../client/src/i18n/index.ts';

describe('realWalkMinutes', () => {
  it('is the real walk, not the avatar', () => {
    const metres = 792;
    expect(realWalkMinutes(metres / WALK_SPEED)).toBe(11);
    // The avatar would cover it in about 2 minutes: a different number, never shown.
    expect(Math.round(metres / AVATAR_SPEED / 60)).toBe(2);
  });

  it('rounds to whole minutes, at least one for any walk', () => {
    expect(realWalkMinutes(0)).toBe(1);
    expect(realWalkMinutes(89)).toBe(1);
    expect(realWalkMinutes(91)).toBe(2);
  });

  it('refuses a time that is not one', () => {
    expect(() => realWalkMinutes(Number.NaN)).toThrow(RangeError);
    expect(() => realWalkMinutes(-1)).toThrow(RangeError);
  });

  it('is named as a real-hall walk on the total, the announcement and each leg, in both languages', () => {
    const p = { metres: 792, minutes: 11, count: 3 };
    expect(translate('ru', 'route.total', p)).toBe('Всего: 792 м; пешком в реальном зале ≈ 11 мин');
    expect(translate('ru', 'route.planned', p)).toContain('пешком в реальном зале ≈ 11 мин');
    expect(translate('ru', 'route.legLabel', p)).toBe('792 м, ≈ 11 мин пешком');
    expect(translate('en', 'route.total', p)).toBe('Total: 792 m; on foot in a real hall ≈ 11 min');
    expect(translate('en', 'route.planned', p)).toContain('on foot in a real hall ≈ 11 min');
    expect(translate('en', 'route.legLabel', p)).toBe('792 m, ≈ 11 min on foot');
    for (const lang of ['ru', 'en'] as const) expect(translate(lang, 'route.timeNote')).toMatch(/1[,.]2/);
  });
});
