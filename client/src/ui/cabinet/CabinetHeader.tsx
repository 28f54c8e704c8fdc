// The cabinet's top bar: the fair's brand, the stand picker, who is logged in and as what,
// password change, logout and the language.
import { useState } from 'react';
import type { Me } from '../../../../shared/accounts.ts';
import { useT } from '../../store/index.ts';
import { signOut } from './cabinetActions.ts';
import { LangSwitch } from '../chrome/LangSwitch.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { StandPicker } from './StandPicker.tsx';

export function CabinetHeader({ me }: { me: Me }) {
  const t = useT();
  const [pwOpen, setPwOpen] = useState(false);
  return (
    <header className="cab-header">
      <a className="cab-brand" href="/">
        <span className="brand__mark" aria-hidden="true">
          {t('app.mark')}
        </span>
        <span className="cab-brand__text">
          <span className="cab-brand__title">{t('cabinet.title')}</span>
          <span className="cab-brand__sub">{t('app.title')}</span>
          <span className="sr-only"> — {t('cabinet.brandLink')}</span>
        </span>
      </a>
      <StandPicker />
      <div className="cab-account">
        <p className="cab-account__who">
          <span className="cab-account__name">{me.name}</span>
          <span className="cab-role">{t(`cabinet.role.${me.role}`)}</span>
        </p>
        <div className="cab-account__actions">
          <button type="button" className="cab-header__btn" onClick={() => setPwOpen(true)}>
            {t('cabinet.password.open')}
          </button>
          <button type="button" className="cab-header__btn" onClick={() => void signOut()}>
            {t('cabinet.logout')}
          </button>
          <LangSwitch className="cab-lang" />
        </div>
      </div>
      <PasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </header>
  );
}
