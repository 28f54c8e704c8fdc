// A track page's local edits before the server answers: the page shows the edited order at
// once (the server's answer replaces it), so an entry is found again by its key among what
// the page already has — the track's entries and the suggestions. A removed entry joins the
// suggestions, so it can be added back.
import { type TrackItem, refKey, trackProgress } from '../../../shared/programme/tracks.ts';
import type { TrackEntry, TrackPageView } from '../../../shared/programme/tracksView.ts';

export function withItems(view: TrackPageView, items: readonly TrackItem[]): TrackPageView {
  const known = new Map<string, TrackEntry>([...view.suggestions, ...view.entries].map((e) => [e.key, e]));
  const entries = items.map((item): TrackEntry => {
    const key = refKey(item);
    const e = known.get(key);
    return e ? { ...e, item } : { key, item, kind: 'missing', title: { ru: key } };
  });
  const have = new Set(entries.map((e) => e.key));
  const removed = view.entries.filter((e) => !have.has(e.key) && e.kind !== 'missing');
  return {
    ...view,
    track: { ...view.track, items: [...items] },
    entries,
    progress: trackProgress(items),
    suggestions: [...view.suggestions.filter((s) => !have.has(s.key)), ...removed.map((e) => ({ ...e, item: { ...e.item, done: false } }))],
  };
}
