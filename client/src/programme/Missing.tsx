// A programme address that names nothing (an event removed, a mistyped link): say so and
// offer the schedule, rather than an empty page.
import { useEffect } from 'react';
import { useT } from '../store/index.ts';
import { Link } from './Link.tsx';
import { PROGRAMME_PATH } from './paths.ts';

export function Missing({ text }: { text: string }) {
  const t = useT();
  useEffect(() => {
    document.title = `${t('programme.notFound.title')} · ${t('programme.title')}`;
  }, [t]);
  return (
    <section className="prog-missing" aria-labelledby="prog-missing-title">
      <h1 id="prog-missing-title">{t('programme.notFound.title')}</h1>
      <p>{text}</p>
      <p>
        <Link className="prog-button" href={PROGRAMME_PATH}>
          {t('programme.toSchedule')}
        </Link>
      </p>
    </section>
  );
}
