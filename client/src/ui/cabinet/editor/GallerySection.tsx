// Products and services: cards with an image, a title, a description, a price or "on
// request" and a link; added, edited, reordered and removed here.
import { useStore, useT } from '../../../store/index.ts';
import { editDraft } from '../cabinetActions.ts';
import { mediaUrl } from '../format.ts';
import { type GalleryForm, moveAt, newGalleryItem, patchAt, removeAt, updateList } from './editorModel.ts';
import { FieldError, TextField, useFieldIssue } from './Field.tsx';
import { LocalTextField } from './LocalField.tsx';
import { fieldId } from './fieldIssues.ts';
import { ItemControls } from './ItemControls.tsx';
import { UploadButton } from './UploadButton.tsx';

const MAX_ITEMS = 40;
const ADD_ID = 'cab-gallery-add';
const edit = (fn: (items: GalleryForm[]) => GalleryForm[]) => editDraft((d) => updateList(d, 'gallery', fn));

export function GallerySection({ exhibitorId }: { exhibitorId: string }) {
  const t = useT();
  const items = useStore((s) => s.cabEditor!.draft.gallery);
  return (
    <section className="cab-card" aria-labelledby="cab-sec-gallery">
      <h2 id="cab-sec-gallery" className="cab-card__title">
        {t('cabinet.sec.gallery')} <span className="cab-count">{items.length}</span>
      </h2>
      <p className="cab-card__intro">{t('cabinet.gallery.intro')}</p>
      {items.length === 0 && <p className="cab-muted">{t('cabinet.gallery.empty')}</p>}
      <ol className="cab-items">
        {items.map((item, i) => (
          <GalleryCard key={item.id} item={item} index={i} count={items.length} exhibitorId={exhibitorId} />
        ))}
      </ol>
      <button
        type="button"
        id={ADD_ID}
        className="button"
        disabled={items.length >= MAX_ITEMS}
        onClick={() => {
          const item = newGalleryItem();
          edit((list) => [...list, item]);
          requestAnimationFrame(() => document.getElementById(fieldId(`gallery.${items.length}.image`))?.focus());
        }}
      >
        + {t('cabinet.gallery.add')}
      </button>
    </section>
  );
}

function GalleryCard({ item, index, count, exhibitorId }: { item: GalleryForm; index: number; count: number; exhibitorId: string }) {
  const t = useT();
  const key = `gallery.${index}`;
  const set = (patch: Partial<GalleryForm>) => edit((list) => patchAt(list, index, patch));
  const imageIssue = useFieldIssue(`${key}.image`);
  const priceIssue = useFieldIssue(`${key}.price`);
  const name = item.title.trim() || t('cabinet.item.untitledN', { n: index + 1 });
  return (
    <li className="cab-item">
      <div className="cab-item__head">
        <h3 className="cab-item__title">
          <span className="cab-item__num">{index + 1}.</span> {name}
        </h3>
        <ItemControls
          idBase={`cab-g-${item.id}`}
          index={index}
          count={count}
          name={name}
          onMove={(delta) => edit((list) => moveAt(list, index, delta))}
          onRemove={() => edit((list) => removeAt(list, index))}
          focusAfterRemove={ADD_ID}
        />
      </div>
      <div className="cab-item__body cab-item__body--media">
        <div className={`cab-field${imageIssue ? ' cab-field--invalid' : ''}`}>
          <span className="cab-field__label">{t('cabinet.gallery.image')}</span>
          {item.image ? (
            <img src={mediaUrl(item.image)} alt={t('cabinet.gallery.imageAlt', { name })} className="cab-thumb cab-thumb--square" width={120} height={120} />
          ) : (
            <div className="cab-thumb cab-thumb--square cab-thumb--empty" aria-hidden="true">
              ▦
            </div>
          )}
          <UploadButton
            exhibitorId={exhibitorId}
            purpose="image"
            id={fieldId(`${key}.image`)}
            label={t(item.image ? 'cabinet.gallery.imageReplace' : 'cabinet.gallery.imageUpload')}
            describedBy={imageIssue ? `${fieldId(`${key}.image`)}-error` : undefined}
            onUploaded={(r) => set({ image: r.path })}
          />
          <FieldError fieldKey={`${key}.image`} issue={imageIssue} />
        </div>
        <div>
          <LocalTextField
            fieldKey={`${key}.title`}
            enKey={`${key}.en.title`}
            label="cabinet.gallery.title"
            value={item.title}
            valueEn={item.titleEn}
            onChange={(title) => set({ title })}
            onChangeEn={(titleEn) => set({ titleEn })}
            maxLength={120}
            required
          />
          <LocalTextField
            fieldKey={`${key}.description`}
            enKey={`${key}.en.description`}
            label="cabinet.gallery.description"
            value={item.description}
            valueEn={item.descriptionEn}
            onChange={(description) => set({ description })}
            onChangeEn={(descriptionEn) => set({ descriptionEn })}
            multiline
            rows={3}
            maxLength={1000}
          />
          <fieldset className={`cab-fieldset cab-price${priceIssue ? ' cab-field--invalid' : ''}`}>
            <legend>{t('cabinet.gallery.price')}</legend>
            <label className="cab-radio">
              <input type="radio" name={`price-${item.id}`} checked={item.onRequest} onChange={() => set({ onRequest: true })} />
              {t('cabinet.gallery.onRequest')}
            </label>
            <label className="cab-radio">
              <input
                type="radio"
                name={`price-${item.id}`}
                checked={!item.onRequest}
                onChange={() => {
                  set({ onRequest: false });
                  requestAnimationFrame(() => document.getElementById(fieldId(`${key}.price`))?.focus());
                }}
              />
              {t('cabinet.gallery.fixed')}
            </label>
            {!item.onRequest && (
              <TextField
                fieldKey={`${key}.price`}
                label="cabinet.gallery.priceValue"
                value={item.price}
                onChange={(price) => set({ price })}
                inputMode="numeric"
                maxLength={12}
                className="cab-field--inline"
                after={<span className="cab-unit">₽</span>}
              />
            )}
          </fieldset>
          <TextField fieldKey={`${key}.link`} label="cabinet.gallery.link" type="url" inputMode="url" value={item.link} onChange={(link) => set({ link })} placeholder="https://" />
        </div>
      </div>
    </li>
  );
}
