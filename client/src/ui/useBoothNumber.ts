// A stand's booth number as the plan shows it ("A01"), from the fair's directory (the server
// derives it with shared/plan/boothNumbers.ts); null while the directory is loading.
import type { DirectoryEntry } from '../../../shared/api.ts';
import { useStore } from '../store/index.ts';

const byStand = new WeakMap<DirectoryEntry[], Map<string, string>>();

export function boothNumberOf(directory: DirectoryEntry[], standId: string): string | null {
  let m = byStand.get(directory);
  if (!m) {
    m = new Map(directory.flatMap((d) => (d.booth ? [[d.stand, d.booth] as const] : [])));
    byStand.set(directory, m);
  }
  return m.get(standId) ?? null;
}

export function useBoothNumber(standId: string | null): string | null {
  return useStore((s) => (standId ? boothNumberOf(s.directory, standId) : null));
}
