// Booth numbers and label placement of the hall plan (shared/plan/): numbers derived from the
// floor file, names fitted without cutting a word, and the collision rule between labels.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boothNumberMap, boothNumbers } from '../../shared/plan/boothNumbers.ts';
import { type Box, LABEL_PRIORITY, type LabelCandidate, boxesAround, fitText, layoutStandLabel, overlaps, placeLabels, wrapWords } from '../../shared/plan/labelPlacement.ts';
import { Level, type Stand } from '../../shared/level/schema.ts';
import { searchDocs } from '../../shared/search.ts';

/** Every character half an em wide: widths are easy to reason about. */
const mono = (t: string) => t.length * 0.5;
const stand = (id: string, x: number, y: number): Stand => ({ id, exhibitor: 'e', x, y, w: 3, h: 3, entrance: 'south', size: 'S' });

describe('booth numbers', () => {
  it('come from "<prefix>-<row><number>" ids, zero-padded, on every sample floor uniquely', () => {
    expect(boothNumbers({ stands: [stand('sc-a01', 0, 0), stand('sc-b7', 5, 0), stand('x-ab123', 9, 0)] })).toEqual(['A01', 'B07', 'AB123']);
    for (const f of ['school', 'higher', 'edtech', 'equipment']) {
      const level = Level.parse(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../levels', `${f}.json`), 'utf8')));
      const numbers = boothNumbers(level);
      expect(new Set(numbers).size).toBe(level.stands.length);
      expect(numbers.every((n) => /^[A-Z]{1,2}\d{2,4}$/.test(n))).toBe(true);
    }
  });

  it('other ids, and derived numbers used twice, get plain numbers by position (rows north to south, then west to east)', () => {
    const stands = [stand('kiosk', 20, 10), stand('hall-a1', 0, 0.4), stand('annex-a01', 10, 10), stand('z', 5, 0), stand('sc-c03', 0, 30)];
    expect(boothNumbers({ stands })).toEqual(['4', '1', '3', '2', 'C03']);
    // Stable: the order of the file does not matter, only where the stands are.
    const byId = boothNumberMap({ stands: [...stands].reverse() });
    expect(byId.get('kiosk')).toBe('4');
    expect(byId.get('z')).toBe('2');
  });
});

describe('booth numbers in the search', () => {
  it('a query equal to a booth number ranks its stand first; the start of one finds it too', () => {
    const docs = [
      { id: '1', name: 'C04 Studio', categories: [], short: '', codes: ['A01'] },
      { id: '2', name: 'Вишенка', categories: [], short: '', codes: ['C04'] },
      { id: '3', name: 'Радуга', categories: [], short: '', codes: ['C05'] },
    ];
    expect(searchDocs(docs, 'c04').map((d) => d.id)).toEqual(['2', '1']);
    expect(searchDocs(docs, 'C0').map((d) => d.id)).toEqual(['1', '2', '3']);
    expect(searchDocs(docs, 'a01').map((d) => d.id)).toEqual(['1']);
  });
});

describe('fitting a name', () => {
  it('wraps at spaces only and refuses a word wider than the box', () => {
    expect(wrapWords('Сеть детских садов', 5, 1, mono)).toEqual(['Сеть', 'детских', 'садов']);
    expect(wrapWords('Сеть детских садов', 7, 1, mono)).toEqual(['Сеть детских', 'садов']);
    expect(wrapWords('Сеть детских садов', 9, 1, mono)).toEqual(['Сеть детских садов']);
    expect(wrapWords('Суперобразовательный центр', 5, 1, mono)).toBeNull();
    // A one-letter word never ends a line.
    expect(wrapWords('Наука и жизнь', 4, 1, mono)).toEqual(['Наука', 'и\u00a0жизнь']);
  });

  it('shrinks to fit, never below the minimum, and keeps every letter', () => {
    const name = 'Сеть детских садов «Бусинки»';
    const big = fitText(name, 40, 10, { maxSize: 4, minSize: 1 }, mono)!;
    expect(big.size).toBe(4);
    const small = fitText(name, 8, 3, { maxSize: 4, minSize: 0.5 }, mono)!;
    expect(small.size).toBeLessThan(4);
    expect(small.size).toBeGreaterThanOrEqual(0.5);
    expect(small.width).toBeLessThanOrEqual(8);
    expect(small.height).toBeLessThanOrEqual(3);
    expect(small.lines.join(' ').replace(/\u00a0/g, ' ')).toBe(name);
    expect(fitText(name, 8, 3, { maxSize: 4, minSize: 2 }, mono)).toBeNull();
  });

  it('evens out the lines it needs', () => {
    const f = fitText('Семейный детский сад Вишенка', 10, 10, { maxSize: 1, minSize: 1 }, mono)!;
    expect(f.lines.length).toBe(2);
    // Greedy would leave "Семейный детский сад / Вишенка".
    expect(f.lines).toEqual(['Семейный детский', 'сад Вишенка']);
  });

  it('a stand shows its number, and its name when legible, else its logo', () => {
    const o = { numberMin: 8, numberMax: 12, nameMin: 9, nameMax: 16, logoMin: 12, logoMax: 64, gap: 2 };
    const wide = layoutStandLabel({ x: 0, y: 0, w: 200, h: 120 }, 'Семейный детский сад «Вишенка»', 'A01', o, mono);
    expect(wide.number?.text).toBe('A01');
    expect(wide.name?.size).toBe(16);
    expect(wide.logo).not.toBeNull();
    const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= 200 + 1e-9 && b.y + b.h <= 120 + 1e-9;
    for (const b of [wide.number!.box, wide.name!.box, wide.logo!]) expect(inside(b)).toBe(true);
    expect(overlaps(wide.name!.box, wide.logo!)).toBe(false);
    expect(overlaps(wide.number!.box, wide.name!.box)).toBe(false);
    const tiny = layoutStandLabel({ x: 0, y: 0, w: 22, h: 20 }, 'Семейный детский сад «Вишенка»', 'A01', o, mono);
    expect(tiny.name).toBeNull();
    expect(tiny.number?.size).toBe(8);
    expect(tiny.logo!.w).toBeGreaterThanOrEqual(12);
    expect(layoutStandLabel({ x: 0, y: 0, w: 6, h: 6 }, 'X', 'A01', o, mono)).toEqual({ number: null, name: null, logo: null });
  });
});

describe('placing labels', () => {
  it('keeps the higher priority, moves a label to its next free position, hides it when none is free', () => {
    const marker = (key: string, priority: number, x: number, y: number): LabelCandidate<string> => ({ key, priority, boxes: boxesAround({ x, y }, 10, 4, 1) });
    const name: LabelCandidate<string> = { key: 'name', priority: LABEL_PRIORITY.name, boxes: [{ x: -5, y: -5, w: 10, h: 4 }] };
    const placed = placeLabels([name, marker('portal', LABEL_PRIORITY.portal, 0, 0), marker('landmark', LABEL_PRIORITY.landmark, 1, 0)]);
    // The landmark takes "above" (its first choice); the portal beside it goes below; the name above both loses.
    expect(placed.get('landmark')).toBe(0);
    expect(placed.get('portal')).toBe(1);
    expect(placed.has('name')).toBe(false);
  });

  it('never leaves two placed labels overlapping, on a dense random field, and respects obstacles', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const cands: LabelCandidate<number>[] = Array.from({ length: 600 }, (_, i) => ({
      key: i,
      priority: i % 7,
      boxes: boxesAround({ x: rnd() * 400, y: rnd() * 300 }, 10 + rnd() * 40, 6 + rnd() * 8, 2),
    }));
    const obstacle = { x: 100, y: 100, w: 50, h: 50 };
    const placed = placeLabels(cands, [obstacle]);
    const boxes = [...placed].map(([k, at]) => cands[k]!.boxes[at]!);
    expect(boxes.length).toBeGreaterThan(50);
    for (let i = 0; i < boxes.length; i++) {
      expect(overlaps(boxes[i]!, obstacle)).toBe(false);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${i} and ${j}`).toBe(false);
    }
    // Greedy by priority: every priority-0 label whose first box is free of obstacles gets a place.
    const top = cands.filter((c) => c.priority === 0);
    expect(top.filter((c) => placed.has(c.key)).length).toBeGreaterThan(top.length * 0.8);
  });
});
