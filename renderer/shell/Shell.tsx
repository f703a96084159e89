import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './ErrorBanner';
import { Pane } from './Pane';
import { TopBar } from './TopBar';
import type { TopBarProps } from './TopBar';
import './Shell.css';

/** Props of the agent shell: the top bar's, plus an error to show (already translated) if any. */
export interface ShellProps extends TopBarProps {
  error: string | null;
  onDismissError: () => void;
  /** The inbox to show in its pane; the placeholder text until one is given. */
  inbox?: ReactNode;
  /** The tabbed conversation area, shown between the inbox and the customer view when given. */
  conversations?: ReactNode;
  /** The CTI toolbar and softphone, shown under the top bar when given. */
  callArea?: ReactNode;
  /** What the customer pane shows (the screen pop of a call); its placeholder until given. */
  customer?: ReactNode;
}

/** The agent's workspace: top bar, then the inbox, customer and work-order panes. */
export function Shell({
  error,
  onDismissError,
  inbox,
  conversations,
  callArea,
  customer,
  ...topBar
}: ShellProps) {
  const { t } = useTranslation();
  return (
    <div className="shell" data-screen="shell" data-connection={topBar.connection}>
      <a className="skip-link" href="#workspace">
        {t('app.skipToMain')}
      </a>
      <TopBar {...topBar} />
      {callArea}
      {error ? <ErrorBanner message={error} onDismiss={onDismissError} /> : null}
      <main
        id="workspace"
        className={conversations ? 'shell__workspace shell__workspace--conversations' : 'shell__workspace'}
        aria-label={t('shell.workspace')}
        tabIndex={-1}
      >
        <Pane name="inbox" title={t('panes.inbox.title')}>
          {inbox ?? <p>{t('panes.inbox.body')}</p>}
        </Pane>
        {conversations ? (
          <Pane name="conversations" title={t('conversations.title')}>
            {conversations}
          </Pane>
        ) : null}
        <Pane name="customer" title={t('panes.customer.title')}>
          {customer ?? <p>{t('panes.customer.body')}</p>}
        </Pane>
        <Pane name="work-orders" title={t('panes.workOrders.title')}>
          <p>{t('panes.workOrders.body')}</p>
        </Pane>
      </main>
    </div>
  );
}
