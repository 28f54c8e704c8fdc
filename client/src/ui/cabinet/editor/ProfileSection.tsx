// The stand's card: name, logo, brand colour, descriptions, city and contacts.
import { CATEGORY_TITLES } from '../../../../../shared/categories.ts';
import { useStore, useT } from '../../../store/index.ts';
import { editDraft } from '../cabinetActions.ts';
import { logoUrl } from '../format.ts';
import { type ProfileForm, patchProfile } from './editorModel.ts';
import { FieldError, TextField, useFieldIssue } from './Field.tsx';
import { LocalTextField } from './LocalField.tsx';
import { fieldId } from './fieldIssues.ts';
import { UploadButton } from './UploadButton.tsx';

const set = (patch: Partial<ProfileForm>) => editDraft((d) => patchProfile(d, patch));
const setEn = (patch: Partial<ProfileForm['en']>) => editDraft((d) => patchProfile(d, { en: { ...d.profile.en, ...patch } }));
const HEX = /^#[0-9a-fA-F]{6}$/;

export function ProfileSection({ exhibitorId, canRename }: { exhibitorId: string; canRename: boolean }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const p = useStore((s) => s.cabEditor!.draft.profile);
  const category = useStore((s) => s.cabEditor!.base.category);
  const savedLogo = useStore((s) => s.cabEditor!.savedForm.profile.logo);
  const logoIssue = useFieldIssue('exhibitor.logo');
  const colourIssue = useFieldIssue('exhibitor.colour');

  return (
    <section className="cab-card" aria-labelledby="cab-sec-profile">
      <h2 id="cab-sec-profile" className="cab-card__title">
        {t('cabinet.sec.profile')}
      </h2>
      <p className="cab-card__intro">
        {t('cabinet.field.category')}: <strong>{CATEGORY_TITLES[category][lang]}</strong>
      </p>
      <TextField
        fieldKey="exhibitor.name"
        label="cabinet.field.name"
        value={p.name}
        onChange={(name) => set({ name })}
        readOnly={!canRename}
        required
        maxLength={120}
        hint={canRename ? undefined : t('cabinet.field.nameHint')}
      />

      <div className="cab-grid-2">
        <div className={`cab-field${logoIssue ? ' cab-field--invalid' : ''}`}>
          <span className="cab-field__label" id="cab-logo-label">
            {t('cabinet.field.logo')}
          </span>
          <div className="cab-logo">
            <img src={logoUrl(p.logo)} alt={t('cabinet.field.logoAlt')} width={72} height={72} className="cab-logo__img" />
            <div className="cab-logo__actions">
              <UploadButton
                exhibitorId={exhibitorId}
                purpose="logo"
                id={fieldId('exhibitor.logo')}
                label={t('cabinet.field.logoUpload')}
                describedBy={logoIssue ? `${fieldId('exhibitor.logo')}-error` : 'cab-logo-label'}
                onUploaded={(r) => set({ logo: r.path })}
              />
              {p.logo !== savedLogo && (
                <button type="button" className="button button--link" onClick={() => set({ logo: savedLogo })}>
                  {t('cabinet.field.logoRevert')}
                </button>
              )}
            </div>
          </div>
          <FieldError fieldKey="exhibitor.logo" issue={logoIssue} />
        </div>

        <div className={`cab-field${colourIssue ? ' cab-field--invalid' : ''}`}>
          <label className="cab-field__label" htmlFor={fieldId('exhibitor.colour')}>
            {t('cabinet.field.colour')}
          </label>
          <p className="cab-field__hint" id={`${fieldId('exhibitor.colour')}-hint`}>
            {t('cabinet.field.colourHint')}
          </p>
          <div className="cab-colour">
            <input
              type="color"
              className="cab-colour__swatch"
              value={HEX.test(p.colour) ? p.colour.toLowerCase() : '#12355b'}
              onChange={(e) => set({ colour: e.target.value })}
              aria-label={t('cabinet.field.colourPicker')}
            />
            <input
              id={fieldId('exhibitor.colour')}
              className="cab-colour__hex"
              value={p.colour}
              maxLength={7}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ colour: e.target.value.trim() })}
              aria-invalid={colourIssue ? true : undefined}
              aria-describedby={`${fieldId('exhibitor.colour')}-hint${colourIssue ? ` ${fieldId('exhibitor.colour')}-error` : ''}`}
            />
          </div>
          <FieldError fieldKey="exhibitor.colour" issue={colourIssue} />
        </div>
      </div>

      <LocalTextField
        fieldKey="exhibitor.short"
        enKey="exhibitor.en.short"
        label="cabinet.field.short"
        value={p.short}
        valueEn={p.en.short}
        onChange={(short) => set({ short })}
        onChangeEn={(short) => setEn({ short })}
        multiline
        rows={2}
        maxLength={200}
        required
        hint={t('cabinet.field.shortHint')}
      />
      <LocalTextField
        fieldKey="exhibitor.description"
        enKey="exhibitor.en.description"
        label="cabinet.field.description"
        value={p.description}
        valueEn={p.en.description}
        onChange={(description) => set({ description })}
        onChangeEn={(description) => setEn({ description })}
        multiline
        rows={7}
        maxLength={4000}
        required
      />
      <LocalTextField
        fieldKey="exhibitor.city"
        enKey="exhibitor.en.city"
        label="cabinet.field.city"
        value={p.city}
        valueEn={p.en.city}
        onChange={(city) => set({ city })}
        onChangeEn={(city) => setEn({ city })}
        maxLength={80}
        autoComplete="address-level2"
      />

      <fieldset className="cab-fieldset">
        <legend>{t('cabinet.sec.contacts')}</legend>
        <div className="cab-grid-2">
          <TextField fieldKey="exhibitor.contacts.site" label="cabinet.field.site" type="url" inputMode="url" value={p.site} onChange={(site) => set({ site })} placeholder="https://" />
          <TextField fieldKey="exhibitor.contacts.email" label="cabinet.field.email" type="email" inputMode="email" value={p.email} onChange={(email) => set({ email })} />
          <TextField fieldKey="exhibitor.contacts.phone" label="cabinet.field.phone" type="tel" inputMode="tel" value={p.phone} onChange={(phone) => set({ phone })} maxLength={40} placeholder="+7 (495) 000-00-00" />
          <LocalTextField
            fieldKey="exhibitor.contacts.address"
            enKey="exhibitor.en.address"
            label="cabinet.field.address"
            value={p.address}
            valueEn={p.en.address}
            onChange={(address) => set({ address })}
            onChangeEn={(address) => setEn({ address })}
            maxLength={200}
          />
        </div>
      </fieldset>
    </section>
  );
}
