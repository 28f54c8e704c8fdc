// Visitors' name tags and the route's stops as inputs of the plan's label placement
// (shared/plan/nameTags.ts): tags rank below every stand label, avoid route stops, avatars and
// each other, and show only close enough and with few enough people in view.
import { describe, expect, it } from 'vitest';
import { type Box, LABEL_PRIORITY, type LabelCandidate, overlaps, placeLabels } from '../../shared/plan/labelPlacement.ts';
import { type TagOptions, type TagPerson, circleBox, placeTags, tagCandidates, tagSize } from '../../shared/plan/nameTags.ts';

/** Every character half an em wide. */
const mono = (t: string) => t.length * 0.5;
const view = { width: 400, height: 300 };
const opts = (o: Partial<TagOptions> = {}): TagOptions => ({ zoom: 10, minZoom: 7, maxInView: 5, size: 10, viewport: view, ...o });
const person = (key: string, x: number, y: number, name = key): TagPerson<string> => ({ key, x, y, r: 5, name });

describe('name tag candidates', () => {
  it('go above the avatar first, then below, right, left, then further above or below, clear of its disc', () => {
    const [c] = tagCandidates([person('Алиса', 200, 150)], opts(), mono);
    expect(c!.priority).toBe(LABEL_PRIORITY.tag);
    const { w, h } = tagSize('Алиса', 10, mono);
    expect(c!.boxes[0]).toEqual({ x: 200 - w / 2, y: 150 - 7 - h, w, h });
    expect(c!.boxes[1]!.y).toBe(157);
    expect(c!.boxes[2]!.x).toBe(207);
    expect(c!.boxes[3]!.x + w).toBe(193);
    expect(c!.boxes[4]!.y + h).toBeLessThan(c!.boxes[0]!.y);
    expect(c!.boxes[5]!.y).toBeGreaterThan(c!.boxes[1]!.y + h);
    for (const b of c!.boxes) expect(overlaps(b, circleBox({ x: 200, y: 150 }, 5))).toBe(false);
  });

  it('none when zoomed out, none in a crowd, only people on screen, only boxes wholly on screen', () => {
    const people = [person('a', 10, 10), person('b', 100, 100), person('c', 500, 100), person('d', 200, 200)];
    expect(tagCandidates(people, opts({ zoom: 6.9 }), mono)).toEqual([]);
    expect(tagCandidates(people, opts({ maxInView: 2 }), mono)).toEqual([]);
    const cands = tagCandidates(people, opts({ maxInView: 3 }), mono);
    // "c" is off screen and does not count towards the crowd.
    expect(cands.map((c) => c.key)).toEqual(['a', 'b', 'd']);
    // Near the top-left corner "above", "left" and "further above" would be cut: below, right and further below remain.
    expect(cands[0]!.boxes.every((b) => b.x >= 0 && b.y >= 0)).toBe(true);
    expect(cands[0]!.boxes.length).toBe(3);
    // Nameless people get no tag.
    expect(tagCandidates([person('x', 50, 50, '')], opts(), mono)).toEqual([]);
  });

  it('the people nearest the visitor come first when space is short', () => {
    const people = [person('far', 50, 150), person('near', 320, 150)];
    expect(tagCandidates(people, opts({ near: { x: 330, y: 150 } }), mono).map((c) => c.key)).toEqual(['near', 'far']);
    // Two people at the same spot: the nearer one's tag is placed first; the other moves aside or hides.
    const twins = [person('Вера', 200, 150), person('Вова', 201, 150)];
    const placed = placeTags(tagCandidates(twins, opts({ near: { x: 205, y: 150 } }), mono), []);
    expect(placed.has('Вова')).toBe(true);
    expect(placed.get('Вова')).toEqual(tagCandidates([twins[1]!], opts(), mono)[0]!.boxes[0]);
    const boxes = [...placed.values()];
    if (boxes.length === 2) expect(overlaps(boxes[0]!, boxes[1]!)).toBe(false);
  });
});

describe('placing tags among the plan labels', () => {
  it('a stand name or number is never covered by a tag: the tag moves or hides', () => {
    const p = person('Богдан', 200, 150);
    const [c] = tagCandidates([p], opts(), mono);
    // The stand's name sits right above the avatar, its number below.
    const name = c!.boxes[0]!;
    const number = c!.boxes[1]!;
    const placed = placeTags([c!], [name, number]);
    const box = placed.get('Богдан')!;
    expect(box).toEqual(c!.boxes[2]);
    // Every side taken: no tag at all (stand labels outrank tags).
    expect(placeTags([c!], c!.boxes).has('Богдан')).toBe(false);
  });

  it('a visitor standing on a route stop gets a tag further out, clear of the stop', () => {
    const p = person('Вера', 200, 150);
    const stop = circleBox(p, 20);
    const [c] = tagCandidates([p], opts(), mono);
    const box = placeTags([c!], [], [stop]).get('Вера')!;
    expect(box).toEqual(c!.boxes[4]);
    expect(overlaps(box, stop)).toBe(false);
  });

  it('is the same as placing everything at once, by priority', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const stands: LabelCandidate<string>[] = Array.from({ length: 120 }, (_, i) => ({
      key: `s${i}`,
      priority: i % 2 ? LABEL_PRIORITY.name : LABEL_PRIORITY.number,
      boxes: [{ x: rnd() * 380, y: rnd() * 280, w: 10 + rnd() * 30, h: 8 }],
    }));
    const people = Array.from({ length: 30 }, (_, i) => person(`p${i}`, rnd() * 400, rnd() * 300));
    const tags = tagCandidates(people, opts({ maxInView: 40 }), mono);
    const stop = circleBox({ x: 200, y: 150 }, 14);
    const all = placeLabels([...tags, ...stands], [stop]);
    const placedStands = placeLabels(stands, [stop]);
    const taken = [...placedStands].map(([k, at]) => stands.find((s) => s.key === k)!.boxes[at]!);
    const placed = placeTags(tags, taken, [stop]);
    // The stands keep every place they had without tags, the tags get the same places either way.
    for (const k of placedStands.keys()) expect(all.has(k)).toBe(true);
    expect([...placed.keys()].sort()).toEqual(tags.filter((t) => all.has(t.key)).map((t) => t.key).sort());
    const boxes: Box[] = [...placed.values()];
    expect(boxes.length).toBeGreaterThan(5);
    for (let i = 0; i < boxes.length; i++) {
      expect(overlaps(boxes[i]!, stop)).toBe(false);
      for (const t of taken) expect(overlaps(boxes[i]!, t)).toBe(false);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    }
  });

  it('route stops are obstacles the stand labels keep clear of too', () => {
    const stop = circleBox({ x: 50, y: 50 }, 12);
    expect(stop).toEqual({ x: 38, y: 38, w: 24, h: 24 });
    const name: LabelCandidate<string> = { key: 'name', priority: LABEL_PRIORITY.name, boxes: [{ x: 30, y: 45, w: 40, h: 10 }] };
    const landmark: LabelCandidate<string> = { key: 'cafe', priority: LABEL_PRIORITY.landmark, boxes: [{ x: 40, y: 20, w: 20, h: 10 }, { x: 40, y: 62, w: 20, h: 10 }] };
    const placed = placeLabels([name, landmark], [stop]);
    expect(placed.has('name')).toBe(false);
    expect(placed.get('cafe')).toBe(0);
  });
});
