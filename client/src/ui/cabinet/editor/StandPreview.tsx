// The live preview: the visitor's stand page rendered from the draft, in preview mode (no
// counting, no forms sent). Items that are still invalid are left out until they are fixed.
import { Suspense, lazy, useMemo } from 'react';
import { CATEGORY_TITLES } from '../../../../../shared/categories.ts';
import type { Lang } from '../../../../../shared/text.ts';
import { useStore, useT } from '../../../store/index.ts';
import { logoUrl } from '../format.ts';
import { previewOf } from './editorModel.ts';

// The visitor's stand interior, in its own chunk (the cabinet opens on the form first).
const StandInterior = lazy(() => import('../../stand/StandInterior.tsx').then((m) => ({ default: m.StandInterior })));

/** `contentLang`: the language the editor is writing in, so the English tab previews the English. */
export function StandPreview({ contentLang }: { contentLang?: Lang }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const draft = useStore((s) => s.cabEditor?.draft);
  const base = useStore((s) => s.cabEditor?.base);
  const shown = useMemo(() => (draft && base ? previewOf(draft, base) : null), [draft, base]);
  if (!shown) return null;
  return (
    <div className="cab-preview__frame" style={{ '--brand': shown.exhibitor.colour } as React.CSSProperties}>
      {/* The header the hall's stand dialog puts above the interior. */}
      <div className="stand-page cab-preview__page">
        <header className="stand-page__header">
          <img className="stand-page__logo" src={logoUrl(shown.exhibitor.logo)} alt="" width={64} height={64} />
          <div className="stand-page__title">
            <p className="cab-preview__name">{shown.exhibitor.name}</p>
            <p className="stand-page__category">{CATEGORY_TITLES[shown.exhibitor.category][lang]}</p>
          </div>
        </header>
        <Suspense fallback={<p className="cab-muted">{t('cabinet.preview.loading')}</p>}>
          <StandInterior exhibitor={shown.exhibitor} content={shown.content} preview contentLang={contentLang} />
        </Suspense>
      </div>
    </div>
  );
}
