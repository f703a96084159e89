import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of the phone's password prompt. */
export interface PhonePasswordProps {
  /** The SIP account's own username when it is not the agent's Seat account; null asks for the Seat password. */
  username?: string | null;
  /** The server refused the password typed before: says so above the field. */
  refused?: boolean;
  onSubmit: (password: string) => void;
}

/** The phone has no password (never stored): after a reload, or for a SIP account of its own, asks once. */
export function PhonePassword({ username = null, refused = false, onSubmit }: PhonePasswordProps) {
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
      {refused ? (
        <p className="cti__error" role="alert" data-testid="cti-password-refused">
          {t('cti.password.refused')}
        </p>
      ) : null}
      <label htmlFor={id}>
        {username === null ? t('cti.password.label') : t('cti.password.labelFor', { username })}
      </label>
      <input
        id={id}
        type="password"
        data-testid="cti-password-input"
        // The browser's saved Seat password is not this account's: it should not be offered.
        autoComplete={username === null ? 'current-password' : 'off'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button">
        {t('cti.password.submit')}
      </button>
    </form>
  );
}
