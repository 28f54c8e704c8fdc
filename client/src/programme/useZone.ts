// The zone times are shown in: the visitor's own (default) or the fair's, as chosen in the
// address (?tz=fair).
import { useStore } from '../store/index.ts';
import type { ZoneChoice } from './query.ts';
import { visitorZone } from './zones.ts';

const own = visitorZone();

export function useZone(choice: ZoneChoice): string {
  const fair = useStore((s) => s.progIndex?.view.meta.timeZone ?? 'UTC');
  return choice === 'fair' ? fair : own;
}
