// The live strip in the corner: connection state, people on this floor, the people list,
// the visitor's own name and, below, the programme on air now. On a first visit the name question waits until no stand page (or
// not-found view) is open: a shared link shows what it names first, with the keyboard in it.
import { useEffect, useRef, useState } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { OnAirBanner } from './OnAirBanner.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { ProfileDialog } from './ProfileDialog.tsx';

export function LiveBar() {
  const t = useT();
  const [listOpen, setListOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const firstVisit = useStore((s) => s.profile === null && s.floorId !== null && s.openStandId === null && s.notFound === null);
  const here = useStore((s) => (s.floorId ? (s.floorCounts[s.floorId] ?? 0) : 0));
  const instances = useStore((s) => s.instances);
  const ref = useRef<HTMLDivElement>(null);
  // The strip's height varies (the on-air row, buttons wrapping in a narrow or English page):
  // the stage learns where it ends (--live-bar-bottom), so the list view starts below it.
  useEffect(() => {
    const el = ref.current;
    const stage = el?.parentElement;
    if (!el || !stage) return;
    const ro = new ResizeObserver(() => stage.style.setProperty('--live-bar-bottom', `${el.offsetTop + el.offsetHeight}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      stage.style.removeProperty('--live-bar-bottom');
    };
  }, []);
  return (
    <div className="live-bar" ref={ref}>
      <ConnectionBadge />
      {instances > 1 && (
        <span className="live-badge" role="note">
          {t('live.instances', { count: instances })}
        </span>
      )}
      <button type="button" className="button button--small" aria-expanded={listOpen} onClick={() => setListOpen(!listOpen)}>
        {t('people.open', { count: here })}
      </button>
      <button type="button" className="button button--small" onClick={() => setEditing(true)}>
        {t('profile.edit')}
      </button>
      {/* A row of its own under the strip: what of the programme is live on this floor. */}
      <OnAirBanner />
      {listOpen && <PeoplePanel onClose={() => setListOpen(false)} />}
      {(editing || firstVisit) && <ProfileDialog onDone={() => setEditing(false)} />}
    </div>
  );
}
