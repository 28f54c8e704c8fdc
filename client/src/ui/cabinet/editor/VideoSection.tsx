// The stand's video presentation: the file, a title, a poster and captions (.vtt, per language).
import { useStore, useT } from '../../../store/index.ts';
import { editDraft } from '../cabinetActions.ts';
import { mediaUrl } from '../format.ts';
import { type CaptionForm, EMPTY_VIDEO, type VideoForm, newId, patchAt, patchVideo, removeAt } from './editorModel.ts';
import { FieldError, TextField, useFieldIssue } from './Field.tsx';
import { LocalTextField } from './LocalField.tsx';
import { fieldId } from './fieldIssues.ts';
import { UploadButton } from './UploadButton.tsx';

const set = (patch: Partial<VideoForm>) => editDraft((d) => patchVideo(d, patch));
const setCaptions = (fn: (c: CaptionForm[]) => CaptionForm[]) => editDraft((d) => patchVideo(d, { captions: fn(d.video.captions) }));
const LANG_LABELS = { ru: 'Русский', en: 'English' } as const;

export function VideoSection({ exhibitorId }: { exhibitorId: string }) {
  const t = useT();
  const v = useStore((s) => s.cabEditor!.draft.video);
  const srcIssue = useFieldIssue('video.src');
  const posterIssue = useFieldIssue('video.poster');
  const hasAny = v.src !== '' || v.title !== '' || v.poster !== '' || v.captions.length > 0;

  return (
    <section className="cab-card" aria-labelledby="cab-sec-video">
      <h2 id="cab-sec-video" className="cab-card__title">
        {t('cabinet.sec.video')}
      </h2>
      <p className="cab-card__intro">{t('cabinet.video.intro')}</p>

      <div className={`cab-field${srcIssue ? ' cab-field--invalid' : ''}`}>
        <span className="cab-field__label">{t('cabinet.video.file')}</span>
        {v.src && (
          <video className="cab-video" src={mediaUrl(v.src)} poster={v.poster ? mediaUrl(v.poster) : undefined} controls preload="metadata" muted>
            {t('cabinet.video.noPlayer')}
          </video>
        )}
        <UploadButton
          exhibitorId={exhibitorId}
          purpose="video"
          id={fieldId('video.src')}
          label={t(v.src ? 'cabinet.video.replace' : 'cabinet.video.upload')}
          describedBy={srcIssue ? `${fieldId('video.src')}-error` : undefined}
          onUploaded={(r, file) => set({ src: r.path, title: v.title || file.name.replace(/\.[^.]+$/, '') })}
        />
        <FieldError fieldKey="video.src" issue={srcIssue} />
      </div>

      <LocalTextField
        fieldKey="video.title"
        enKey="video.en.title"
        label="cabinet.video.title"
        value={v.title}
        valueEn={v.titleEn}
        onChange={(title) => set({ title })}
        onChangeEn={(titleEn) => set({ titleEn })}
        maxLength={200}
        required={hasAny}
      />

      <div className={`cab-field${posterIssue ? ' cab-field--invalid' : ''}`}>
        <span className="cab-field__label">{t('cabinet.video.poster')}</span>
        <div className="cab-media-row">
          {v.poster && <img src={mediaUrl(v.poster)} alt={t('cabinet.video.posterAlt')} className="cab-thumb" width={128} height={72} />}
          <UploadButton
            exhibitorId={exhibitorId}
            purpose="image"
            id={fieldId('video.poster')}
            label={t(v.poster ? 'cabinet.video.posterReplace' : 'cabinet.video.posterUpload')}
            onUploaded={(r) => set({ poster: r.path })}
          />
          {v.poster && (
            <button type="button" className="button button--link" onClick={() => set({ poster: '' })}>
              {t('cabinet.video.posterRemove')}
            </button>
          )}
        </div>
        <FieldError fieldKey="video.poster" issue={posterIssue} />
      </div>

      <fieldset className="cab-fieldset">
        <legend>{t('cabinet.video.captions')}</legend>
        {v.captions.length === 0 && <p className="cab-muted">{t('cabinet.video.noCaptions')}</p>}
        <ul className="cab-plain-list">
          {v.captions.map((c, i) => (
            <CaptionRow key={c.key} caption={c} index={i} />
          ))}
        </ul>
        {v.captions.length < 4 && (
          <UploadButton
            exhibitorId={exhibitorId}
            purpose="captions"
            id="cab-captions-add"
            label={t('cabinet.video.captionsAdd')}
            onUploaded={(r) =>
              setCaptions((list) => {
                const lang = list.some((c) => c.lang === 'ru') ? 'en' : 'ru';
                return [...list, { key: newId('cap'), lang, label: LANG_LABELS[lang], src: r.path }];
              })
            }
          />
        )}
      </fieldset>

      {hasAny && (
        <button
          type="button"
          className="button button--danger-link"
          onClick={() => {
            set(EMPTY_VIDEO);
            requestAnimationFrame(() => document.getElementById(fieldId('video.src'))?.focus());
          }}
        >
          {t('cabinet.video.remove')}
        </button>
      )}
    </section>
  );
}

function CaptionRow({ caption, index }: { caption: CaptionForm; index: number }) {
  const t = useT();
  const key = `video.captions.${index}`;
  const srcIssue = useFieldIssue(`${key}.src`);
  return (
    <li className="cab-caption">
      <div className="cab-field">
        <label className="cab-field__label" htmlFor={fieldId(`${key}.lang`)}>
          {t('cabinet.video.captionLang')}
        </label>
        <select
          id={fieldId(`${key}.lang`)}
          value={caption.lang}
          onChange={(e) => {
            const lang = e.target.value === 'en' ? 'en' : 'ru';
            setCaptions((list) => patchAt(list, index, { lang, label: caption.label === LANG_LABELS[caption.lang] ? LANG_LABELS[lang] : caption.label }));
          }}
        >
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </div>
      <TextField fieldKey={`${key}.label`} label="cabinet.video.captionLabel" value={caption.label} onChange={(label) => setCaptions((list) => patchAt(list, index, { label }))} maxLength={40} />
      <a className="cab-caption__file" href={mediaUrl(caption.src)} target="_blank" rel="noopener noreferrer">
        {caption.src.split('/').pop()}
      </a>
      <FieldError fieldKey={`${key}.src`} issue={srcIssue} />
      <button
        type="button"
        className="cab-icon-btn cab-icon-btn--danger"
        aria-label={t('cabinet.video.captionRemove', { label: caption.label || caption.lang })}
        onClick={() => {
          setCaptions((list) => removeAt(list, index));
          requestAnimationFrame(() => document.getElementById('cab-captions-add')?.focus());
        }}
      >
        ✕
      </button>
    </li>
  );
}
