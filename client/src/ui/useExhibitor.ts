// Store selectors shared by overlays: a stand of the current floor and its exhibitor.
import type { Exhibitor } from '../../../shared/exhibitor.ts';
import type { Stand } from '../../../shared/level/schema.ts';
import { useStore } from '../store/index.ts';

export function useStandWithExhibitor(standId: string | null): { stand: Stand; exhibitor: Exhibitor | undefined } | null {
  const stand = useStore((s) =>
    standId && s.floorId ? (s.levels[s.floorId]?.stands.find((x) => x.id === standId) ?? null) : null,
  );
  const exhibitor = useStore((s) => (stand ? s.exhibitors[stand.exhibitor] : undefined));
  return stand ? { stand, exhibitor } : null;
}
