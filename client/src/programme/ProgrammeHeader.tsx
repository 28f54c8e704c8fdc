// The programme's top bar: the fair's brand, the way back to the exhibition, the sections
// (schedule, library) and the one language switch shared with the hall and the cabinet.
import { useStore, useT } from '../store/index.ts';
import { LangSwitch } from '../ui/chrome/LangSwitch.tsx';
import { Link } from './Link.tsx';
import { useTracksT } from '../i18n/tracks.ts';
import { LIBRARY_PATH, MY_PATH, PROGRAMME_PATH, type ProgrammePage, TRACKS_PATH } from './paths.ts';

export function ProgrammeHeader({ page }: { page: ProgrammePage }) {
  const t = useT();
  const tt = useTracksT();
  const scheduleSearch = useStore((s) => (page.kind === 'schedule' ? s.progSearch : ''));
  return (
    <header className="prog-header">
      <div className="prog-header__row">
        <a className="prog-brand" href="/">
          <span className="brand__mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span className="prog-brand__text">
            <span className="prog-brand__title">{t('programme.title')}</span>
            <span className="prog-brand__sub">{t('app.title')}</span>
          </span>
        </a>
        <LangSwitch className="prog-lang" />
      </div>
      <nav className="prog-nav" aria-label={t('programme.nav')}>
        <ul>
          <li>
            <Link href={PROGRAMME_PATH + scheduleSearch} aria-current={page.kind === 'schedule' ? 'page' : undefined}>
              {t('programme.nav.schedule')}
            </Link>
          </li>
          <li>
            <Link href={LIBRARY_PATH} aria-current={page.kind === 'library' ? 'page' : undefined}>
              {t('programme.nav.library')}
            </Link>
          </li>
          <li>
            <Link href={TRACKS_PATH} aria-current={page.kind === 'tracks' || page.kind === 'track' ? 'page' : undefined}>
              {tt('tracks.nav')}
            </Link>
          </li>
          <li>
            <Link href={MY_PATH} aria-current={page.kind === 'my' ? 'page' : undefined}>
              {t('my.nav')}
            </Link>
          </li>
          <li className="prog-nav__expo">
            <a href="/" aria-label={t('programme.backToExpoLabel')}>
              {t('programme.backToExpo')}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
