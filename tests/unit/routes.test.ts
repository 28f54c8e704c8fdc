// Client URLs: every view round-trips through its address; anything else is home.
import { describe, expect, it } from 'vitest';
import { type View, parseView, viewUrl } from '../../shared/routes.ts';

const split = (url: string): [string, string] => {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
};

describe('routes', () => {
  const views: View[] = [
    { kind: 'home' },
    { kind: 'floor', floorId: 'edtech' },
    { kind: 'floor', floorId: 'edtech', focus: 'stand-12' },
    { kind: 'stand', floorId: 'higher-ed', standId: 'stand-7' },
    { kind: 'route', code: 'eyJ2IjoxfQ' },
  ];
  for (const view of views) {
    it(`round-trips ${JSON.stringify(view)}`, () => {
      const url = viewUrl(view);
      expect(parseView(...split(url))).toEqual(view);
    });
  }

  it('builds the documented addresses', () => {
    expect(views.map(viewUrl)).toEqual(['/', '/floor/edtech', '/floor/edtech?focus=stand-12', '/floor/higher-ed/stand/stand-7', '/route/eyJ2IjoxfQ']);
  });

  it('tolerates a trailing slash', () => {
    expect(parseView('/floor/edtech/')).toEqual({ kind: 'floor', floorId: 'edtech' });
  });

  it('ignores a bad focus but keeps the floor', () => {
    expect(parseView('/floor/edtech', '?focus=Bad%20Id')).toEqual({ kind: 'floor', floorId: 'edtech' });
  });

  for (const bad of ['/nope', '/floor', '/floor/Edtech', '/floor/a b', '/floor/x/stand', '/floor/x/stand/Y', '/floor/x/booth/y', '/floor/x/stand/y/z', '/floor/..', '/route', '/route/a+b', '/route/abc/def']) {
    it(`sends ${bad} home`, () => {
      expect(parseView(bad)).toEqual({ kind: 'home' });
    });
  }
});
