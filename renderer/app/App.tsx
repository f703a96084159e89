import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Language } from '@contract/ipc/settings';
import { isSessionEnded } from '../api/api-error';
import type { ApiError } from '../api/api-error';
import { LoginScreen } from '../auth/LoginScreen';
import type { Session } from '../auth/session-store';
import { createI18n } from '../i18n/create-i18n';
import { errorMessage } from '../i18n/error-message';
import { resolveLanguage } from '../i18n/language';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ErrorBanner } from '../shell/ErrorBanner';
import { ShellScreen } from '../shell/ShellScreen';
import type { AppServices } from './services';
import { useLanguage } from './use-language';

/** Props of the root component: its services and the language setting read at start-up. */
export interface AppProps {
  services: AppServices;
  initialLanguage: Language;
}

type Screen =
  { kind: 'checking' } | { kind: 'login'; noticeKey: string | null } | { kind: 'shell'; session: Session };

/** The seat: one i18next instance per app, then sign-in or the shell depending on the session. */
export function App({ services, initialLanguage }: AppProps) {
  const [i18n] = useState(() => createI18n(resolveLanguage(initialLanguage, services.systemLocale)));
  return (
    <I18nextProvider i18n={i18n}>
      <Seat services={services} initialLanguage={initialLanguage} />
    </I18nextProvider>
  );
}

function Seat({ services, initialLanguage }: AppProps) {
  const { t, i18n } = useTranslation();
  const language = useLanguage(
    i18n,
    services.host,
    initialLanguage,
    services.systemLocale,
    services.rootElement,
  );
  const [appError, setAppError] = useState<unknown>(null);
  const [screen, setScreen] = useState<Screen>(() => {
    const stored = services.sessions.load();
    return stored ? { kind: 'checking' } : { kind: 'login', noticeKey: null };
  });

  // A session kept from before a reload is checked with the server before the shell opens; if the
  // server cannot be reached the seat opens anyway and the socket keeps trying.
  useEffect(() => {
    if (screen.kind !== 'checking') return;
    let live = true;
    const stored = services.sessions.current();
    services.auth.me().then(
      () => live && stored && setScreen({ kind: 'shell', session: stored }),
      (error: unknown) => {
        if (!live) return;
        if (isSessionEnded(error) || !stored) {
          services.sessions.clear();
          setScreen({ kind: 'login', noticeKey: 'login.sessionEnded' });
        } else setScreen({ kind: 'shell', session: stored });
      },
    );
    return () => {
      live = false;
    };
  }, [screen.kind, services]);

  const signedIn = useCallback(
    (session: Session) => {
      services.sessions.save(session);
      setScreen({ kind: 'shell', session });
    },
    [services],
  );

  const sessionEnded = useCallback(
    (_reason: ApiError) => {
      services.sessions.clear();
      setScreen({ kind: 'login', noticeKey: 'login.sessionEnded' });
    },
    [services],
  );

  const signOut = useCallback(async () => {
    try {
      await services.auth.logout();
    } catch (error) {
      // Signing out locally matters more than telling the server; its session expires on its own.
      console.warn('[seat] server logout failed', error);
    }
    services.sessions.clear();
    setScreen({ kind: 'login', noticeKey: null });
  }, [services]);

  const languageSwitch = (
    <LanguageSwitch value={language.setting} onChange={(lang) => language.change(lang).catch(setAppError)} />
  );

  return (
    <>
      {/* React 19 hoists this into <head>, so the window title follows the language too. */}
      <title>{t('app.name')}</title>
      {appError ? (
        <ErrorBanner message={errorMessage(t, appError)} onDismiss={() => setAppError(null)} />
      ) : null}
      {screen.kind === 'checking' ? (
        <p className="app-loading" data-screen="loading" role="status">
          {t('app.loading')}
        </p>
      ) : screen.kind === 'login' ? (
        <LoginScreen
          auth={services.auth}
          onSignedIn={signedIn}
          notice={screen.noticeKey ? t(screen.noticeKey) : null}
          toolbar={languageSwitch}
        />
      ) : (
        <ConnectedShell
          session={screen.session}
          services={services}
          onSignOut={signOut}
          onSessionEnded={sessionEnded}
          languageSwitch={languageSwitch}
        />
      )}
    </>
  );
}

interface ConnectedShellProps {
  session: Session;
  services: AppServices;
  onSignOut: () => Promise<void>;
  onSessionEnded: (reason: ApiError) => void;
  languageSwitch: ReactNode;
}

/** One socket per session token; a new sign-in gets a new socket. */
function ConnectedShell({ session, services, ...rest }: ConnectedShellProps) {
  const socket = useMemo(() => services.openSocket(session.token), [services, session.token]);
  return (
    <ShellScreen
      user={session.user}
      socket={socket}
      inbox={services.inbox}
      conversations={services.conversations}
      newWork={services.newWork}
      cti={services.cti}
      customer={services.customer}
      {...rest}
    />
  );
}
