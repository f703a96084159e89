import { useCallback, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { of } from 'rxjs';
import type { User } from '@contract/auth';
import type { SeatSocket } from '../api/seat-socket';
import { useObservable } from '../app/use-observable';
import { notReadyReasons, setStateFrame } from '../shell/agent-state-options';
import type { CtiServices } from './cti-services';
import { createCtiSession } from './cti-session';
import type { CtiSession } from './cti-session';
import { CtiPanel } from './CtiPanel';
import { focusInbox } from './focus-inbox';
import { ariaShortcut, seatShortcuts } from './shortcuts';
import type { SeatCommand } from './shortcuts';
import { ScreenPop } from './ScreenPop';

/** The CTI's two places in the shell: the call area under the top bar, and the screen pop. */
export interface CtiMount {
  callArea: ReactNode;
  customer: ReactNode;
  /** Answers or declines the ringing call of a voice offer (the inbox's Accept and Reject); null without a phone. */
  answerCall: CtiSession['answerOffer'] | null;
  /** The ready and not-ready hotkeys as aria-keyshortcuts says them, for the state menu; undefined without a phone. */
  stateKeyShortcuts: string | undefined;
}

/** Starts the CTI of one signed-in shell and gives its parts to mount; nothing without services. */
export function useCti(services: CtiServices | undefined, user: User, socket: SeatSocket): CtiMount {
  // i18n.t reads the language of the moment a call rings; the instance itself never changes.
  const { i18n } = useTranslation();
  const session = useMemo(
    () =>
      services
        ? createCtiSession({
            user,
            phone: services.createSoftphone(),
            socket,
            host: services.host,
            credentials: services.credentials,
            serverUrl: services.serverUrl,
            canChooseSipServer: services.canChooseSipServer,
            warn: services.warn,
            describeCall: (leg) => ({
              title: i18n.t('cti.notification.title'),
              body: i18n.t('cti.notification.body', { name: leg.remote }),
            }),
          })
        : null,
    [services, user, socket, i18n],
  );
  useEffect(() => session?.start(), [session]);
  const settings = useObservable(
    useMemo(() => session?.settings$ ?? of(null), [session]),
    null,
  );
  const mac = services?.mac ?? false;
  const stateKeyShortcuts = useMemo(() => {
    const keys = seatShortcuts(settings?.hotkeys ?? {});
    return `${ariaShortcut(keys.ready, mac)} ${ariaShortcut(keys.notReady, mac)}`;
  }, [settings, mac]);
  // Not ready by hotkey takes the menu's first reason; the agent can pick another in the menu.
  const seatCommand = useCallback(
    async (command: SeatCommand) => {
      if (command === 'focusInbox') return void focusInbox(document);
      await socket.request(
        setStateFrame(
          command === 'ready' ? { state: 'ready' } : { state: 'not_ready', reason: notReadyReasons[0] },
        ),
      );
    },
    [socket],
  );
  if (!services || !session)
    return { callArea: null, customer: null, answerCall: null, stateKeyShortcuts: undefined };
  return {
    callArea: (
      <CtiPanel
        session={session}
        voiceQueues={services.directory.voiceQueues}
        loadDevices={services.listDevices}
        agentStatus$={socket.agentStatus$}
        timers={services.timers}
        now={services.now}
        mac={services.mac}
        canChooseSipServer={services.canChooseSipServer}
        onSeatCommand={seatCommand}
      />
    ),
    customer: <SessionScreenPop session={session} loadCustomer={services.directory.customer} />,
    answerCall: session.answerOffer,
    stateKeyShortcuts,
  };
}

function SessionScreenPop({
  session,
  loadCustomer,
}: {
  session: CtiSession;
  loadCustomer: CtiServices['directory']['customer'];
}) {
  const { t } = useTranslation();
  const customerId = useObservable(session.screenPop$, null);
  if (!customerId) return <p>{t('panes.customer.body')}</p>;
  return <ScreenPop customerId={customerId} loadCustomer={loadCustomer} />;
}
