// Downloadable materials: each upload becomes an item with its title, type and size taken
// from the server's answer; titles are editable, items reorder and go.
import { useStore, useT } from '../../../store/index.ts';
import { editDraft } from '../cabinetActions.ts';
import { fileSizeText, mediaUrl, typeLabel } from '../format.ts';
import { type MaterialForm, moveAt, newId, patchAt, removeAt, titleFromFileName, updateList } from './editorModel.ts';
import { LocalTextField } from './LocalField.tsx';
import { ItemControls } from './ItemControls.tsx';
import { UploadButton } from './UploadButton.tsx';

const MAX_ITEMS = 40;
const ADD_ID = 'cab-materials-add';
const edit = (fn: (items: MaterialForm[]) => MaterialForm[]) => editDraft((d) => updateList(d, 'materials', fn));

export function MaterialsSection({ exhibitorId }: { exhibitorId: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const items = useStore((s) => s.cabEditor!.draft.materials);
  return (
    <section className="cab-card" aria-labelledby="cab-sec-materials">
      <h2 id="cab-sec-materials" className="cab-card__title">
        {t('cabinet.sec.materials')} <span className="cab-count">{items.length}</span>
      </h2>
      <p className="cab-card__intro">{t('cabinet.materials.intro')}</p>
      {items.length === 0 && <p className="cab-muted">{t('cabinet.materials.empty')}</p>}
      <ol className="cab-items">
        {items.map((m, i) => {
          const name = m.title.trim() || t('cabinet.item.untitledN', { n: i + 1 });
          return (
            <li key={m.id} className="cab-item cab-item--row">
              <div className="cab-item__grow">
                <LocalTextField
                  fieldKey={`materials.${i}.title`}
                  enKey={`materials.${i}.en.title`}
                  label="cabinet.materials.title"
                  value={m.title}
                  valueEn={m.titleEn}
                  onChange={(title) => edit((list) => patchAt(list, i, { title }))}
                  onChangeEn={(titleEn) => edit((list) => patchAt(list, i, { titleEn }))}
                  maxLength={200}
                  required
                />
                <p className="cab-file-meta">
                  <span className="cab-badge">{typeLabel(m.type)}</span> {fileSizeText(lang, m.size)} ·{' '}
                  <a href={mediaUrl(m.file)} target="_blank" rel="noopener noreferrer">
                    {t('cabinet.materials.open')}
                    <span className="sr-only"> {name}</span>
                  </a>
                </p>
              </div>
              <ItemControls
                idBase={`cab-m-${m.id}`}
                index={i}
                count={items.length}
                name={name}
                onMove={(delta) => edit((list) => moveAt(list, i, delta))}
                onRemove={() => edit((list) => removeAt(list, i))}
                focusAfterRemove={ADD_ID}
              />
            </li>
          );
        })}
      </ol>
      {items.length < MAX_ITEMS && (
        <UploadButton
          exhibitorId={exhibitorId}
          purpose="document"
          id={ADD_ID}
          label={t('cabinet.materials.add')}
          onUploaded={(r, file) =>
            edit((list) => [...list, { id: newId('m'), title: titleFromFileName(file.name || r.name), titleEn: '', file: r.path, type: r.type, size: r.size }])
          }
        />
      )}
    </section>
  );
}
