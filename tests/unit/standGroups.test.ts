// The floor as a list and as a keyboard grid: stands grouped by the named alley they open onto,
// and arrow keys that step along rows and between them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { readingOrder } from '../../shared/level/model.ts';
import { Level } from '../../shared/level/schema.ts';
import { alleyOf, groupStands, gridStep } from '../../shared/level/standGroups.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const stands = school.stands;

describe('stand groups', () => {
  it('puts every stand in one group by the named alley at its entrance, in reading order', () => {
    const groups = groupStands(stands, (s) => alleyOf(s, school.alleys)?.id ?? '');
    expect(groups.reduce((n, g) => n + g.stands.length, 0)).toBe(stands.length);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
    const order = readingOrder(stands);
    for (const g of groups) expect([...g.stands].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(g.stands);
    for (const g of groups) if (g.key) expect(school.alleys.find((a) => a.id === g.key)?.name).toBeDefined();
    expect(groups.length).toBeGreaterThan(1);
  });

  it('steps like a grid: right/left along the reading order, down to the nearest stand of the next row, edges stay', () => {
    const order = readingOrder(stands);
    const first = order[0]!;
    expect(gridStep(stands, -1, 'ArrowRight')).toBe(first);
    expect(gridStep(stands, first, 'ArrowRight')).toBe(order[1]);
    expect(gridStep(stands, order[1]!, 'ArrowLeft')).toBe(first);
    expect(gridStep(stands, first, 'ArrowLeft')).toBe(first);
    expect(gridStep(stands, first, 'End')).toBe(order[order.length - 1]);
    const down = gridStep(stands, first, 'ArrowDown');
    const s = stands[first]!;
    const d = stands[down]!;
    expect(d.y + d.h / 2).toBeGreaterThan(s.y + s.h / 2 + 4);
    expect(gridStep(stands, down, 'ArrowUp')).not.toBe(down);
    expect(gridStep(stands, order[order.length - 1]!, 'ArrowDown')).toBe(order[order.length - 1]);
  });
});
