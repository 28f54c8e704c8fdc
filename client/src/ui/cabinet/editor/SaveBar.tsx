// The editor's footer: unsaved-changes indicator, Discard and Save, and the outcome of the
// last save in a polite live region.
import { useStore, useT } from '../../../store/index.ts';
import { discardDraft } from '../cabinetActions.ts';
import { isDirty } from './editorModel.ts';

export function SaveBar() {
  const t = useT();
  const saving = useStore((s) => s.cabEditor?.saving ?? false);
  const status = useStore((s) => s.cabEditor?.status ?? null);
  const dirty = useStore((s) => (s.cabEditor ? isDirty(s.cabEditor) : false));

  let message = '';
  if (saving) message = t('cabinet.save.saving');
  else if (status?.kind === 'saved' && !dirty) message = t('cabinet.save.done');
  else if (status?.kind === 'invalid') message = t('cabinet.save.invalid', { count: status.count ?? 0 });
  else if (status?.kind === 'error') message = t('cabinet.save.failed', { reason: status.text ?? '' });
  else if (status?.kind === 'restored') message = t('cabinet.save.restored');

  return (
    <div className="cab-savebar">
      <p className={`cab-savebar__state${dirty ? ' is-dirty' : ''}`}>
        <span className="cab-savebar__dot" aria-hidden="true" />
        {dirty ? t('cabinet.save.unsaved') : t('cabinet.save.clean')}
      </p>
      <p className={`cab-savebar__msg cab-savebar__msg--${status?.kind ?? 'none'}`} role="status" aria-live="polite">
        {message}
      </p>
      <div className="cab-savebar__actions">
        <button type="button" className="button" disabled={!dirty || saving} onClick={discardDraft}>
          {t('cabinet.save.discard')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving} aria-keyshortcuts="Control+S">
          {saving ? t('cabinet.save.saving') : t('cabinet.save.save')}
        </button>
      </div>
    </div>
  );
}
