// What an exhibitor may change from the cabinet, as pure rules the server applies (and the
// client may show before sending): the card (id fixed; name and category are the organisers'),
// and media paths limited to sample assets and the exhibitor's own uploads.
import { z } from 'zod';
import type { Role } from './accounts.ts';
import { CategoryId } from './categories.ts';
import { Exhibitor } from './exhibitor.ts';
import type { StandContent } from './standContent.ts';

/** The card fields an exhibitor edits; id, name and category are checked by exhibitorEdit. */
export const ExhibitorEdit = Exhibitor.omit({ id: true, category: true }).extend({
  id: z.string().optional(),
  category: CategoryId.optional(),
});
export type ExhibitorEdit = z.infer<typeof ExhibitorEdit>;

/**
 * A media path an exhibitor may use: a sample asset, or a file in its own upload folder
 * ("uploads/<exhibitorId>/..."), never another exhibitor's upload.
 */
export function mediaAllowed(media: string, exhibitorId: string): boolean {
  if (media.includes('..')) return false;
  return media.startsWith('assets/') || media.startsWith(`uploads/${exhibitorId}/`);
}

export type EditOutcome<T> = { ok: true; next: T } | { ok: false; status: 400 | 403; error: string; details?: string[] };

/** The card after an edit by someone of this role, or why the edit is refused (nothing changes). */
export function exhibitorEdit(current: Exhibitor, edit: ExhibitorEdit, role: Role): EditOutcome<Exhibitor> {
  const id = current.id;
  const problems: string[] = [];
  if (edit.id !== undefined && edit.id !== id) problems.push('id: the id of an exhibitor cannot be changed');
  if (edit.logo.startsWith('uploads/') ? !mediaAllowed(edit.logo, id) : edit.logo.includes('..')) {
    problems.push(`logo: use a sample logo or a file uploaded for this exhibitor (uploads/${id}/...)`);
  }
  if (problems.length > 0) return { ok: false, status: 400, error: 'the request body is not valid', details: problems };
  // The name is what the fair's catalogue and contract say; only organisers change it.
  if (edit.category !== undefined && edit.category !== current.category && role !== 'organiser') {
    return { ok: false, status: 403, error: 'only organisers may change the category of an exhibitor' };
  }
  if (edit.name !== current.name && role !== 'organiser') {
    return { ok: false, status: 403, error: 'only organisers may change the name of an exhibitor' };
  }
  return { ok: true, next: Exhibitor.parse({ ...edit, id, category: edit.category ?? current.category }) };
}

/** Every media path of an interior with its JSON path, for precise error details. */
function mediaPaths(c: StandContent): [string, string][] {
  const out: [string, string][] = [];
  if (c.video) {
    out.push(['video.src', c.video.src]);
    if (c.video.poster) out.push(['video.poster', c.video.poster]);
    c.video.captions.forEach((cap, i) => out.push([`video.captions.${i}.src`, cap.src]));
  }
  c.gallery.forEach((g, i) => out.push([`gallery.${i}.image`, g.image]));
  c.materials.forEach((m, i) => out.push([`materials.${i}.file`, m.file]));
  return out;
}

function duplicateIds(c: StandContent): string[] {
  const problems: string[] = [];
  for (const list of ['gallery', 'materials', 'webinars'] as const) {
    const seen = new Set<string>();
    c[list].forEach((item, i) => {
      if (seen.has(item.id)) problems.push(`${list}.${i}.id: "${item.id}" is used twice`);
      seen.add(item.id);
    });
  }
  return problems;
}

/** Why an interior cannot be saved for this exhibitor (empty: it can). */
export function contentProblems(content: StandContent, exhibitorId: string): string[] {
  return [
    ...mediaPaths(content)
      .filter(([, media]) => !mediaAllowed(media, exhibitorId))
      .map(([where, media]) => `${where}: "${media}" is not a sample asset or a file uploaded for this exhibitor (uploads/${exhibitorId}/...)`),
    ...duplicateIds(content),
  ];
}
