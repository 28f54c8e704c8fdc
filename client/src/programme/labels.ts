// Small display helpers shared by the schedule, the event page and the library.
import type { Format } from '../../../shared/programme/schema.ts';
import type { Translate } from '../i18n/index.ts';
import type { Lang } from '../../../shared/text.ts';
import { type IndexedEvent, type ProgrammeIndex, txt } from './model.ts';

export const formatLabel = (t: Translate, f: Format): string => t(`programme.format.${f}`);

/** "Анна Иванова, Иван Петров и ещё 2": the moderator first, then the speakers. */
export function peopleLine(index: ProgrammeIndex, ie: IndexedEvent, lang: Lang, t: Translate, max = 3): string {
  const ids = [ie.e.moderator, ...ie.e.speakers].filter((x): x is string => !!x);
  const names = ids.slice(0, max).flatMap((id) => {
    const s = index.speakers.get(id);
    return s ? [txt(s.name, lang)] : [];
  });
  const more = ids.length - Math.min(ids.length, max);
  return more > 0 ? `${names.join(', ')} ${t('programme.speakersMore', { count: more })}` : names.join(', ');
}
