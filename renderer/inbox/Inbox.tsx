import { useEffect, useMemo, useState } from 'react';
import type { Observable } from 'rxjs';
import { useTranslation } from 'react-i18next';
import type { User } from '@contract/auth';
import type { QueueSummary } from '@contract/http/queues';
import type { Interaction } from '@contract/routing';
import type { SeatSocket } from '../api/seat-socket';
import type { Timers } from '../api/timers';
import { errorMessage } from '../i18n/error-message';
import { createClock } from './clock';
import type { InboxApi } from './inbox-api';
import { noFilter } from './inbox-filter';
import type { InboxFilter } from './inbox-filter';
import type { InboxRow } from './inbox-row';
import { createInboxStore } from './inbox-store';
import { InboxFilterBar } from './InboxFilterBar';
import { InboxGrid } from './InboxGrid';
import './Inbox.css';

// A lead's list that failed to load is tried again after this long (once loaded, frames keep it current).
const leadRetryMs = 5000;
const leadBatchMs = 250;
// More changes than this in one batch are a load, not something to read out row by row.
const announceLimit = 20;

/** What the inbox needs from the app besides the user and socket: its HTTP reads and the clock. */
export interface InboxServices {
  api: InboxApi;
  timers: Timers;
  now: () => number;
}

/** Props of the inbox: who is signed in, their socket, the HTTP reads, and the clock. */
export interface InboxProps extends InboxServices {
  user: User;
  socket: Pick<SeatSocket, 'messages$' | 'request'>;
  /** Opens the interaction's conversation (Enter or double-click on its row). */
  onOpen?: ((interaction: Interaction) => void) | undefined;
  /** Accepts an offer another way than a plain interaction.accept (a web chat goes through its join check). */
  acceptOffer?: ((interaction: Interaction) => Promise<unknown>) | undefined;
  /**
   * Answers or declines the ringing call of a voice offer on the softphone (the server takes a call
   * only by its answer); resolves false when that call does not ring here. Without it, voice offers
   * point to the phone toolbar instead of offering Accept and Reject.
   */
  answerCall?: ((interactionId: string, how: 'answer' | 'decline') => Promise<boolean>) | undefined;
  /** The conversation the agent has in front (the selected tab): its row counts as read. */
  viewing$?: Observable<string | null> | undefined;
}

/** The unified inbox: filter bar, live grid, and a status region announcing what happens to offers. */
export function Inbox({
  user,
  socket,
  api,
  timers,
  now,
  onOpen,
  acceptOffer,
  answerCall,
  viewing$,
}: InboxProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [filter, setFilter] = useState<InboxFilter>(noFilter);
  const [queues, setQueues] = useState<QueueSummary[]>([]);
  const [agentNames, setAgentNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [counts, setCounts] = useState({ shown: 0, total: 0 });
  const isAgent = user.role === 'agent';

  // Agents get their own work by frames (the server sends offers and owned work again on connect);
  // leads and admins load their view of the tenant once (and again after a reconnect), then the
  // server's interaction.update frames for that view keep it current (seat-events/leadInteractionFeed.ts).
  const store = useMemo(
    () =>
      createInboxStore({
        frames$: socket.messages$,
        load: isAgent ? null : () => api.listInteractions(),
        // An agent's inbox holds what is offered to or owned by them; a rejected or transferred item leaves it.
        ...(isAgent ? { keep: (i: Interaction) => i.agentId === user.agentId } : {}),
        timers,
        retryMs: leadRetryMs,
        // A lead's stream can be a thousand changes a second: fewer, larger grid transactions re-sort less often.
        ...(isAgent ? {} : { batchMs: leadBatchMs }),
        onLoadError: setLoadError,
        onLoaded: () => setLoadError(null),
      }),
    [socket, api, timers, isAgent, user.agentId],
  );
  const clock$ = useMemo(() => createClock(timers, now), [timers, now]);
  const queueNames = useMemo(() => new Map(queues.map((q) => [q.id, q.name])), [queues]);

  useEffect(() => store.start(), [store]);

  useEffect(() => {
    if (!viewing$) return;
    const subscription = viewing$.subscribe((id) => store.setViewing(id));
    return () => {
      subscription.unsubscribe();
      store.setViewing(null);
    };
  }, [store, viewing$]);

  useEffect(() => {
    let live = true;
    api.listQueues().then(
      (list) => live && setQueues(list),
      // Without names the queue column shows ids; the inbox still works.
      (error: unknown) => console.warn('[inbox] queues could not be loaded', error),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (isAgent) return;
    let live = true;
    api.agentNames().then(
      (names) => live && setAgentNames(names),
      // Without names the Agent column shows agent ids.
      (error: unknown) => console.warn('[inbox] agent names could not be loaded', error),
    );
    return () => {
      live = false;
    };
  }, [api, isAgent]);

  // Tell screen-reader users about new offers and state changes, which otherwise appear silently.
  useEffect(() => {
    const states = new Map(store.rows().map((r) => [r.id, r.state]));
    const subscription = store.transactions$.subscribe((tx) => {
      const say = (row: InboxRow) => ({ channel: t(`inbox.channel.${row.channel}`), customer: row.customer });
      const messages: string[] = [];
      // A bulk load or a lead's busy stream is not read out row by row: only the states are remembered.
      if (tx.add.length + tx.update.length + tx.remove.length > announceLimit) {
        for (const row of [...tx.add, ...tx.update]) states.set(row.id, row.state);
        for (const row of tx.remove) states.delete(row.id);
        return;
      }
      for (const row of tx.add) {
        if (row.state === 'offered') messages.push(t('inbox.announce.newOffer', say(row)));
        states.set(row.id, row.state);
      }
      for (const row of tx.update) {
        if (states.get(row.id) !== row.state)
          messages.push(
            t('inbox.announce.stateChanged', { ...say(row), state: t(`inbox.state.${row.state}`) }),
          );
        states.set(row.id, row.state);
      }
      for (const row of tx.remove) {
        if (row.state === 'offered') messages.push(t('inbox.announce.withdrawn', say(row)));
        states.delete(row.id);
      }
      if (messages.length > 0) setAnnouncement(messages.join(' '));
    });
    return () => subscription.unsubscribe();
  }, [store, t]);

  const answer = (row: InboxRow, kind: 'accept' | 'reject') => {
    if (pending.has(row.id)) return;
    const vars = { channel: t(`inbox.channel.${row.channel}`), customer: row.customer };
    // A call is never accepted with a frame: the server refuses it, and the phone would go on ringing.
    if (row.channel === 'voice' && !answerCall)
      return setAnnouncement(t('inbox.announce.answerOnPhone', vars));
    setAnnouncement(t(kind === 'accept' ? 'inbox.announce.accepting' : 'inbox.announce.rejecting', vars));
    setPending((p) => new Set(p).add(row.id));
    // The row changes only when the server's interaction.update (or revoked) says so.
    const interaction = store.interaction(row.id);
    const request =
      row.channel === 'voice' && answerCall
        ? answerCall(row.id, kind === 'accept' ? 'answer' : 'decline')
        : kind === 'accept'
          ? acceptOffer && interaction
            ? acceptOffer(interaction)
            : socket.request({ type: 'interaction.accept', interactionId: row.id })
          : socket.request({ type: 'interaction.reject', interactionId: row.id });
    request
      .then(
        (done) =>
          done === false
            ? setAnnouncement(t('inbox.announce.callNotRinging', vars))
            : kind === 'reject' && setAnnouncement(t('inbox.announce.rejected', vars)),
        (error: unknown) => setAnnouncement(t('inbox.announce.failed', { message: errorMessage(t, error) })),
      )
      .finally(() =>
        setPending((p) => {
          const next = new Set(p);
          next.delete(row.id);
          return next;
        }),
      );
  };

  const open = (row: InboxRow) => {
    store.markOpened(row.id);
    setOpenedId(row.id);
    const interaction = store.interaction(row.id);
    if (interaction) onOpen?.(interaction);
    setAnnouncement(
      t('inbox.announce.opened', { channel: t(`inbox.channel.${row.channel}`), customer: row.customer }),
    );
  };

  return (
    <div className="inbox" data-testid="inbox" data-opened-id={openedId ?? ''}>
      <InboxFilterBar filter={filter} queues={queues} onChange={setFilter} />
      <p className="inbox__hint" id="inbox-shortcuts">
        {t('inbox.shortcuts')}{' '}
        <span data-testid="inbox-count" data-shown={counts.shown} data-total={counts.total}>
          {t('inbox.count', counts)}
        </span>
      </p>
      {loadError !== null ? (
        <p className="inbox__error" role="alert">
          {t('inbox.loadFailed', { message: errorMessage(t, loadError) })}
        </p>
      ) : null}
      <InboxGrid
        store={store}
        clock$={clock$}
        filter={filter}
        queueNames={queueNames}
        agentNames={agentNames}
        pending={pending}
        showAgent={!isAgent}
        callsOnToolbar={!answerCall}
        updatesInPlace={!isAgent}
        onAccept={(row) => answer(row, 'accept')}
        onReject={(row) => answer(row, 'reject')}
        onOpen={open}
        onNotOffered={() => setAnnouncement(t('inbox.announce.notOffered'))}
        onDisplayedCount={(shown, total) =>
          setCounts((c) => (c.shown === shown && c.total === total ? c : { shown, total }))
        }
      />
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="inbox-status">
        {announcement}
      </div>
    </div>
  );
}
