// First visit: the visitor picks a display name and an avatar colour (remembered in the
// browser); skipping keeps a friendly default name from the server. Closing returns the
// keyboard to what opened it (or the hall / the list), not to <body>.
import { useRef, useState, useEffect } from 'react';
import { AVATAR_COLOURS, NAME_MAX, cleanName } from '../../../../shared/protocol.ts';
import { presence } from '../../net/presenceHandle.ts';
import { useStore, useT } from '../../store/index.ts';
import { returnFocus, takeOpener } from '../list/focusReturn.ts';

export function ProfileDialog({ onDone }: { onDone: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const profile = useStore((s) => s.profile);
  const shownName = useStore((s) => s.shownName);
  const [name, setName] = useState(profile?.name ?? '');
  const [colour, setColour] = useState(profile?.colour ?? 0);
  const [error, setError] = useState(false);

  useEffect(() => {
    const opener = takeOpener();
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // The dialog leaves the page with this component: give the keyboard back once it is gone.
    return () => {
      d?.close();
      requestAnimationFrame(() => returnFocus(opener));
    };
  }, []);

  const save = () => {
    const clean = cleanName(name);
    if (!clean) {
      setError(true);
      return;
    }
    useStore.getState().setProfile({ name: clean, colour });
    presence()?.setProfile(clean, colour);
    useStore.getState().setShownName(clean);
    onDone();
  };
  const skip = () => {
    useStore.getState().setProfile({ name: '', colour });
    onDone();
  };

  return (
    <dialog ref={ref} className="profile-dialog" aria-labelledby="profile-title" onCancel={(e) => { e.preventDefault(); skip(); }}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <h2 id="profile-title">{t('profile.title')}</h2>
        <p className="muted">{t('profile.hint')}</p>
        <label htmlFor="profile-name">{t('profile.name')}</label>
        <input
          id="profile-name"
          value={name}
          maxLength={NAME_MAX}
          placeholder={shownName}
          autoComplete="nickname"
          aria-invalid={error}
          aria-describedby={error ? 'profile-error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p id="profile-error" className="form-error" role="alert">
            {t('profile.invalid')}
          </p>
        )}
        <fieldset>
          <legend>{t('profile.colour')}</legend>
          <div className="swatches">
            {AVATAR_COLOURS.map((c, i) => (
              <label key={c} className="swatch" style={{ background: c }}>
                <input type="radio" name="colour" checked={colour === i} onChange={() => setColour(i)} aria-label={t('profile.colourN', { n: i + 1 })} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="profile-dialog__actions">
          <button type="submit" className="button button--primary">
            {t('profile.save')}
          </button>
          <button type="button" className="button" onClick={skip}>
            {t('profile.skip')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
