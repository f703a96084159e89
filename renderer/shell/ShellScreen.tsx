import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { distinctUntilChanged, map } from 'rxjs';
import type { User } from '@contract/auth';
import type { ApiError } from '../api/api-error';
import type { SeatSocket } from '../api/seat-socket';
import { useObservable } from '../app/use-observable';
import { errorMessage } from '../i18n/error-message';
import { ConversationArea } from '../conversations/ConversationArea';
import type { ConversationAreaServices } from '../conversations/ConversationArea';
import { createConversationTabs } from '../conversations/conversation-tabs';
import { useSeatChat } from '../chat/use-chat';
import type { CtiServices } from '../cti/cti-services';
import { useCti } from '../cti/use-cti';
import { CustomerPane } from '../customer/CustomerPane';
import type { CustomerServices } from '../customer/customer-api';
import { customerFocus$ } from '../customer/focus-stream';
import { Inbox } from '../inbox/Inbox';
import type { InboxServices } from '../inbox/Inbox';
import { NewWorkNotifier } from '../notify/NewWorkNotifier';
import type { NewWorkServices } from '../notify/new-work-services';
import { setStateFrame } from './agent-state-options';
import type { StateChoice } from './agent-state-options';
import { Shell } from './Shell';

/** Props of the connected shell: the signed-in user, their seat socket, and how the session ends. */
export interface ShellScreenProps {
  user: User;
  socket: SeatSocket;
  /** Signs out on the server and locally; the screen shows progress until it resolves. */
  onSignOut: () => Promise<void>;
  /** Called once when the server says the session is over. */
  onSessionEnded: (reason: ApiError) => void;
  languageSwitch: ReactNode;
  /** The inbox's reads and clock; without them the inbox pane keeps its placeholder. */
  inbox?: InboxServices | undefined;
  /** Sound and badge for work arriving while the seat is in the background. */
  newWork?: NewWorkServices | undefined;
  /** The conversation panes' services; without them no conversation area is shown. */
  conversations?: ConversationAreaServices | undefined;
  /** The softphone's services; without them no call area is shown. */
  cti?: CtiServices | undefined;
  /** The customer pane's reads; without them the pane shows only a ringing call's screen pop. */
  customer?: CustomerServices | undefined;
}

/** Connects the shell to the seat socket: live state and connection, state changes, errors on screen. */
export function ShellScreen({
  user,
  socket,
  onSignOut,
  onSessionEnded,
  languageSwitch,
  inbox,
  newWork,
  conversations,
  cti,
  customer,
}: ShellScreenProps) {
  const { t } = useTranslation();
  const connection = useObservable(socket.state$, socket.state);
  const status = useObservable(socket.agentStatus$, socket.agentStatus);
  const [failure, setFailure] = useState<unknown>(null);
  const [statePending, setStatePending] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const tabs = useMemo(
    () => createConversationTabs({ frames$: socket.messages$, agentId: user.agentId }),
    [socket, user.agentId],
  );

  const phone = useCti(cti, user, socket);

  // The inbox counts the conversation in front (the selected tab) as read.
  const activeTab$ = useMemo(
    () =>
      tabs.state$.pipe(
        map((s) => s.activeId),
        distinctUntilChanged(),
      ),
    [tabs],
  );

  const customerFocus = useMemo(() => customerFocus$(socket.messages$, tabs.state$), [socket, tabs]);

  const chat = useSeatChat(conversations, socket, tabs, setFailure);

  useEffect(() => socket.connect(), [socket]);

  useEffect(() => {
    const errors = socket.errors$.subscribe(setFailure);
    const ended = socket.sessionEnded$.subscribe(onSessionEnded);
    // Dropped frames are a protocol problem for whoever reads the log, not something the agent can act on.
    const diagnostics = socket.diagnostics$.subscribe((why) => console.warn('[seat socket]', why));
    return () => {
      errors.unsubscribe();
      ended.unsubscribe();
      diagnostics.unsubscribe();
    };
  }, [socket, onSessionEnded]);

  const chooseState = async (choice: StateChoice) => {
    setStatePending(true);
    setFailure(null);
    try {
      await socket.request(setStateFrame(choice));
    } catch (error) {
      setFailure(error);
    } finally {
      setStatePending(false);
    }
  };

  const signOut = async () => {
    setSigningOut(true);
    await onSignOut();
  };

  return (
    <>
      {newWork ? <NewWorkNotifier frames$={socket.messages$} services={newWork} /> : null}
      <Shell
        displayName={user.displayName}
        status={status}
        connection={connection}
        statePending={statePending}
        signingOut={signingOut}
        onChooseState={(choice) => void chooseState(choice)}
        onSignOut={() => void signOut()}
        languageSwitch={languageSwitch}
        error={failure === null ? null : errorMessage(t, failure)}
        onDismissError={() => setFailure(null)}
        callArea={phone.callArea}
        stateKeyShortcuts={phone.stateKeyShortcuts}
        customer={customer ? <CustomerPane focus$={customerFocus} api={customer.api} /> : phone.customer}
        inbox={
          inbox ? (
            <Inbox
              user={user}
              socket={socket}
              {...inbox}
              onOpen={conversations ? tabs.open : undefined}
              acceptOffer={chat?.acceptOffer}
              answerCall={phone.answerCall ?? undefined}
              viewing$={conversations ? activeTab$ : undefined}
            />
          ) : undefined
        }
        conversations={
          conversations
            ? (chat?.provide ?? ((area: ReactNode) => area))(
                <ConversationArea
                  tabs={tabs}
                  user={user}
                  socket={socket}
                  services={conversations}
                  loadCapacity={conversations.loadCapacity}
                />,
              )
            : undefined
        }
      />
    </>
  );
}
