import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthApi } from '../api/auth-api';
import { errorMessage } from '../i18n/error-message';
import { LoginForm } from './LoginForm';
import type { Credentials } from './LoginForm';
import type { Session } from './session-store';
import './LoginScreen.css';

/** Props of the sign-in screen: how to sign in, and where the session goes once it exists. */
export interface LoginScreenProps {
  auth: Pick<AuthApi, 'login'>;
  onSignedIn: (session: Session) => void;
  /** Why the agent is here again (e.g. the session expired), already translated. */
  notice?: string | null;
  /** Controls for the header, such as the language switch. */
  toolbar?: ReactNode;
}

/** The first screen: signs in through the server and shows its refusal in the agent's language. */
export function LoginScreen({ auth, onSignedIn, notice = null, toolbar }: LoginScreenProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  // Keep the error itself, not its sentence, so switching language re-translates it.
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (credentials: Credentials) => {
    setPending(true);
    setFailure(null);
    try {
      const session = await auth.login(credentials);
      onSignedIn(session);
    } catch (error) {
      setFailure(error);
      setPending(false);
    }
  };

  return (
    <div className="login-screen" data-screen="login">
      <header className="login-screen__header">
        <span className="login-screen__brand">{t('app.name')}</span>
        {toolbar}
      </header>
      <main className="login-screen__main">
        <section className="login-screen__card" aria-labelledby="login-heading">
          <h1 id="login-heading">{t('login.heading')}</h1>
          <p className="login-screen__intro">{t('login.intro')}</p>
          <LoginForm
            pending={pending}
            error={failure === null ? null : errorMessage(t, failure)}
            notice={failure === null ? notice : null}
            onSubmit={(c) => void submit(c)}
          />
        </section>
      </main>
    </div>
  );
}
