// Share codes of personal routes: round trip, compactness, and refusal of anything else.
import { describe, expect, it } from 'vitest';
import { type RouteSpec, decodeRoute, encodeRoute } from '../../shared/route/shareCode.ts';

const spec: RouteSpec = {
  stops: [
    { floor: 'school', stand: 'a-1' },
    { floor: 'school', stand: 'b-12' },
    { floor: 'higher', stand: 'c-3' },
  ],
  start: { kind: 'landmark', floor: 'school', landmark: 'entrance' },
  end: { kind: 'landmark', floor: 'higher', landmark: 'cafe' },
  stepFree: true,
  pins: [{ stop: 2, position: 0 }],
};

describe('route share codes', () => {
  it('round-trips a full route', () => {
    const code = encodeRoute(spec);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRoute(code)).toEqual(spec);
  });

  it('round-trips a minimal route starting where the visitor stands', () => {
    const min: RouteSpec = { stops: [{ floor: 'edtech', stand: 'x-1' }], start: { kind: 'here' }, end: null, stepFree: false, pins: [] };
    const code = encodeRoute(min);
    expect(decodeRoute(code)).toEqual(min);
    expect(code.length).toBeLessThan(60);
  });

  it('stays short enough for a link with many stops', () => {
    const many: RouteSpec = { ...spec, stops: Array.from({ length: 30 }, (_, i) => ({ floor: 'school', stand: `s-${i}` })) };
    expect(encodeRoute(many).length).toBeLessThan(1200);
  });

  it('drops pins that point past the stops', () => {
    const code = Buffer.from(JSON.stringify({ v: 1, s: ['school/a-1'], st: 'here', p: [[5, 0], [0, 0]] })).toString('base64url');
    expect(decodeRoute(code)?.pins).toEqual([{ stop: 0, position: 0 }]);
  });

  for (const bad of ['', 'not base64!', 'e30', Buffer.from('{"v":2,"s":[],"st":"here"}').toString('base64url'), Buffer.from('{"v":1,"s":["School/A"],"st":"here"}').toString('base64url'), Buffer.from('[1,2').toString('base64url')]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(decodeRoute(bad)).toBeNull();
    });
  }
});
