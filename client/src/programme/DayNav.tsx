// The schedule's days as links (each day has its address), the main fair's and the
// continuation's, plus "all days".
import { useStore, useT } from '../store/index.ts';
import { Link } from './Link.tsx';
import { PROGRAMME_PATH } from './paths.ts';
import { type ScheduleQuery, scheduleSearch } from './query.ts';
import { dayShort } from './zones.ts';

export function DayNav({ days, current, query, today }: { days: readonly string[]; current: string; query: ScheduleQuery; today: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const href = (day: string) => PROGRAMME_PATH + scheduleSearch({ ...query, day });
  return (
    <nav className="prog-days" aria-label={t('programme.days')}>
      <ul>
        {days.map((d) => (
          <li key={d}>
            <Link href={href(d)} aria-current={d === current ? 'true' : undefined} className={d === today ? 'prog-days__today' : undefined}>
              {dayShort(d, lang)}
            </Link>
          </li>
        ))}
        <li>
          <Link href={href('all')} aria-current={current === 'all' ? 'true' : undefined}>
            {t('programme.day.all')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
