import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of the phone's password prompt. */
export interface PhonePasswordProps {
  onSubmit: (password: string) => void;
}

/** After a reload the phone has no password (it is never stored): asks for it once. */
export function PhonePassword({ onSubmit }: PhonePasswordProps) {
  const { t } = useTranslation();
  const id = useId();
  const [password, setPassword] = useState('');
  return (
    <form
      className="cti-password"
      data-testid="cti-password"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) onSubmit(password);
      }}
    >
      <label htmlFor={id}>{t('cti.password.label')}</label>
      <input
        id={id}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button">
        {t('cti.password.submit')}
      </button>
    </form>
  );
}
