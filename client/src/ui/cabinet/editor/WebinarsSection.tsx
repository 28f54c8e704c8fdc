// Webinars and master classes: kind, title, speaker, start (typed in the exhibitor's own time
// zone, stored with its offset), duration, stream link and recording.
import { useStore, useT } from '../../../store/index.ts';
import { editDraft } from '../cabinetActions.ts';
import { longDateTimeText } from '../format.ts';
import { type WebinarForm, moveAt, newWebinar, patchAt, removeAt, updateList } from './editorModel.ts';
import { TextField } from './Field.tsx';
import { LocalTextField } from './LocalField.tsx';
import { fieldId } from './fieldIssues.ts';
import { ItemControls } from './ItemControls.tsx';
import { localInputToIso, localZoneLabel } from './localTime.ts';

const MAX_ITEMS = 40;
const ADD_ID = 'cab-webinars-add';
const edit = (fn: (items: WebinarForm[]) => WebinarForm[]) => editDraft((d) => updateList(d, 'webinars', fn));

export function WebinarsSection() {
  const t = useT();
  const items = useStore((s) => s.cabEditor!.draft.webinars);
  return (
    <section className="cab-card" aria-labelledby="cab-sec-webinars">
      <h2 id="cab-sec-webinars" className="cab-card__title">
        {t('cabinet.sec.webinars')} <span className="cab-count">{items.length}</span>
      </h2>
      <p className="cab-card__intro">{t('cabinet.webinars.intro')}</p>
      {items.length === 0 && <p className="cab-muted">{t('cabinet.webinars.empty')}</p>}
      <ol className="cab-items">
        {items.map((w, i) => (
          <WebinarCard key={w.id} item={w} index={i} count={items.length} />
        ))}
      </ol>
      <button
        type="button"
        id={ADD_ID}
        className="button"
        disabled={items.length >= MAX_ITEMS}
        onClick={() => {
          edit((list) => [...list, newWebinar()]);
          requestAnimationFrame(() => document.getElementById(fieldId(`webinars.${items.length}.kind`))?.focus());
        }}
      >
        + {t('cabinet.webinars.add')}
      </button>
    </section>
  );
}

function WebinarCard({ item, index, count }: { item: WebinarForm; index: number; count: number }) {
  const t = useT();
  const key = `webinars.${index}`;
  const set = (patch: Partial<WebinarForm>) => edit((list) => patchAt(list, index, patch));
  const name = item.title.trim() || t('cabinet.item.untitledN', { n: index + 1 });
  const iso = localInputToIso(item.start);
  const lang = useStore((s) => s.lang);
  return (
    <li className="cab-item">
      <div className="cab-item__head">
        <h3 className="cab-item__title">
          <span className="cab-item__num">{index + 1}.</span> {name}
        </h3>
        <ItemControls
          idBase={`cab-w-${item.id}`}
          index={index}
          count={count}
          name={name}
          onMove={(delta) => edit((list) => moveAt(list, index, delta))}
          onRemove={() => edit((list) => removeAt(list, index))}
          focusAfterRemove={ADD_ID}
        />
      </div>
      <div className="cab-grid-2">
        <div className="cab-field">
          <label className="cab-field__label" htmlFor={fieldId(`${key}.kind`)}>
            {t('cabinet.webinars.kind')}
          </label>
          <select id={fieldId(`${key}.kind`)} value={item.kind} onChange={(e) => set({ kind: e.target.value === 'masterclass' ? 'masterclass' : 'webinar' })}>
            <option value="webinar">{t('cabinet.webinars.kindWebinar')}</option>
            <option value="masterclass">{t('cabinet.webinars.kindMasterclass')}</option>
          </select>
        </div>
        <LocalTextField
          fieldKey={`${key}.speaker`}
          enKey={`${key}.en.speaker`}
          label="cabinet.webinars.speaker"
          value={item.speaker}
          valueEn={item.speakerEn}
          onChange={(speaker) => set({ speaker })}
          onChangeEn={(speakerEn) => set({ speakerEn })}
          maxLength={120}
          required
        />
      </div>
      <LocalTextField
        fieldKey={`${key}.title`}
        enKey={`${key}.en.title`}
        label="cabinet.webinars.title"
        value={item.title}
        valueEn={item.titleEn}
        onChange={(title) => set({ title })}
        onChangeEn={(titleEn) => set({ titleEn })}
        maxLength={200}
        required
      />
      <div className="cab-grid-2">
        <TextField
          fieldKey={`${key}.start`}
          label="cabinet.webinars.start"
          type="datetime-local"
          value={item.start}
          onChange={(start) => set({ start })}
          required
          hint={
            <>
              {t('cabinet.webinars.zone', { zone: localZoneLabel(iso ? new Date(Date.parse(iso)) : undefined) })}
              {/* The input itself writes the date in the computer's locale; this line in the page's. */}
              {iso && <strong className="cab-when"> {longDateTimeText(lang, Date.parse(iso))}</strong>}
            </>
          }
        />
        <TextField
          fieldKey={`${key}.durationMin`}
          label="cabinet.webinars.duration"
          type="number"
          inputMode="numeric"
          value={item.durationMin}
          onChange={(durationMin) => set({ durationMin })}
          required
          className="cab-field--narrow"
          after={<span className="cab-unit">{t('cabinet.webinars.minutes')}</span>}
        />
      </div>
      <TextField fieldKey={`${key}.link`} label="cabinet.webinars.link" type="url" inputMode="url" value={item.link} onChange={(link) => set({ link })} placeholder="https://" required maxLength={500} />
      <TextField fieldKey={`${key}.recording`} label="cabinet.webinars.recording" type="url" inputMode="url" value={item.recording} onChange={(recording) => set({ recording })} placeholder="https://" maxLength={500} hint={t('cabinet.webinars.recordingHint')} />
    </li>
  );
}
