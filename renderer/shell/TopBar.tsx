import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '@contract/ws';
import type { ConnectionState } from '../api/seat-socket';
import { AgentStateControl } from './AgentStateControl';
import type { StateChoice } from './agent-state-options';
import { ConnectionIndicator } from './ConnectionIndicator';
import './TopBar.css';

/** Everything the top bar shows and the actions it offers. */
export interface TopBarProps {
  displayName: string;
  status: AgentStatus | null;
  connection: ConnectionState;
  statePending: boolean;
  signingOut: boolean;
  onChooseState: (choice: StateChoice) => void;
  /** The ready and not-ready hotkeys (aria-keyshortcuts form) the state menu announces, if any. */
  stateKeyShortcuts?: string | undefined;
  onSignOut: () => void;
  /** The language switch, supplied by the app that owns the setting. */
  languageSwitch: ReactNode;
}

/** The agent's toolbar: who is signed in, their state, the connection, language and sign-out. */
export function TopBar(props: TopBarProps) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <span className="topbar__brand">{t('app.name')}</span>
      <nav className="topbar__nav" aria-label={t('shell.toolbar')}>
        <AgentStateControl
          status={props.status}
          pending={props.statePending}
          enabled={props.connection === 'open'}
          onChoose={props.onChooseState}
          keyShortcuts={props.stateKeyShortcuts}
        />
        <ConnectionIndicator state={props.connection} />
        <span className="topbar__spacer" />
        {props.languageSwitch}
        <span className="topbar__user" data-testid="agent-name">
          {t('shell.signedInAs', { name: props.displayName })}
        </span>
        <button
          type="button"
          className="button button--quiet"
          onClick={props.onSignOut}
          disabled={props.signingOut}
        >
          {props.signingOut ? t('shell.signingOut') : t('shell.signOut')}
        </button>
      </nav>
    </header>
  );
}
