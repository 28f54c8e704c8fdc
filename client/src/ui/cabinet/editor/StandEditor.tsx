// The "Stand" tab: the form beside a live preview on wide screens, or under a Preview toggle
// on narrow ones. Enter or Ctrl+S saves; the save bar stays in view at the bottom.
import { useState } from 'react';
import type { Lang } from '../../../../../shared/text.ts';
import { useStore, useT } from '../../../store/index.ts';
import { loadEditor, saveDraft } from '../cabinetActions.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { GallerySection } from './GallerySection.tsx';
import { EditLangTabs } from './LocalField.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SaveBar } from './SaveBar.tsx';
import { StandPreview } from './StandPreview.tsx';
import { VideoSection } from './VideoSection.tsx';
import { WebinarsSection } from './WebinarsSection.tsx';

export function StandEditor({ exhibitorId }: { exhibitorId: string }) {
  const t = useT();
  const phase = useStore((s) => s.cabEditorPhase);
  const ready = useStore((s) => s.cabEditor?.exhibitorId === exhibitorId);
  const canRename = useStore((s) => s.cabAuth.status === 'signedIn' && s.cabAuth.me.role === 'organiser');
  const [previewOpen, setPreviewOpen] = useState(false);
  const [editLang, setEditLang] = useState<Lang>('ru');

  if (phase === 'error') {
    return (
      <div className="cab-state" role="alert">
        <p>{t('cabinet.editor.loadError')}</p>
        <button type="button" className="button" onClick={() => void loadEditor(exhibitorId)}>
          {t('cabinet.retry')}
        </button>
      </div>
    );
  }
  if (!ready) return <p className="cab-state cab-muted">{t('cabinet.loading')}</p>;

  return (
    <div className={`cab-editor${previewOpen ? ' is-previewing' : ''}`}>
      <button
        type="button"
        className="button cab-preview-toggle"
        aria-expanded={previewOpen}
        aria-controls="cab-preview-body"
        onClick={() => setPreviewOpen((o) => !o)}
      >
        {previewOpen ? t('cabinet.preview.hide') : t('cabinet.preview.show')}
      </button>
      <form
        className="cab-editor__form"
        noValidate
        aria-label={t('cabinet.editor.formLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          void saveDraft();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void saveDraft();
          }
        }}
      >
        <ErrorSummary showLang={setEditLang} />
        <EditLangTabs lang={editLang} onLang={setEditLang}>
          <ProfileSection exhibitorId={exhibitorId} canRename={canRename} />
          <VideoSection exhibitorId={exhibitorId} />
          <GallerySection exhibitorId={exhibitorId} />
          <MaterialsSection exhibitorId={exhibitorId} />
          <WebinarsSection />
        </EditLangTabs>
        <SaveBar />
      </form>
      <aside className="cab-editor__preview" aria-labelledby="cab-preview-title">
        <div className="cab-preview__head">
          <h2 id="cab-preview-title">{t('cabinet.preview.title')}</h2>
          <p className="cab-muted">{t('cabinet.preview.hint')}</p>
        </div>
        <div id="cab-preview-body" className="cab-preview__body">
          <StandPreview contentLang={editLang} />
        </div>
      </aside>
    </div>
  );
}
