// Badges over the hall's stands that answered the visitor and were not read yet. DOM markers
// placed from the engine's screen positions on every camera change (written to the style, no
// React render per frame); the top bar's counter says the same for screen readers.
import { useEffect, useRef } from 'react';
import { hall } from '../../engine/hallApi.ts';
import { useShallow, useStore } from '../../store/index.ts';
import { BubbleIcon } from './BubbleIcon.tsx';
import './chat.css';

export function UnreadMarkers() {
  const box = useRef<HTMLDivElement>(null);
  const engineReady = useStore((s) => s.hallReady);
  const floorId = useStore((s) => s.floorId);
  // "standId:count" per marked stand of this floor: plain strings, so the selection is stable.
  const marked = useStore(
    useShallow((s) => {
      const level = s.floorId ? s.levels[s.floorId] : undefined;
      if (!level) return [] as string[];
      return Object.entries(s.chatUnread)
        .filter(([id, n]) => n > 0 && level.stands.some((st) => st.id === id))
        .map(([id, n]) => `${id}:${n}`);
    }),
  );

  useEffect(() => {
    const engine = hall();
    const el = box.current;
    if (!engine || !el || marked.length === 0) return;
    const place = () => {
      for (const child of el.children) {
        const node = child as HTMLElement;
        const p = engine.standScreenPoint(node.dataset.stand ?? '');
        node.style.visibility = p ? 'visible' : 'hidden';
        if (p) node.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -100%)`;
      }
    };
    return engine.onCamera(place);
  }, [marked, engineReady, floorId]);

  if (marked.length === 0) return null;
  return (
    <div ref={box} className="chat-markers" aria-hidden="true">
      {marked.map((entry) => {
        const [standId, n] = entry.split(':');
        return (
          <span key={standId} className="chat-marker" data-stand={standId} style={{ visibility: 'hidden' }}>
            <BubbleIcon size={12} /> {n}
          </span>
        );
      })}
    </div>
  );
}
