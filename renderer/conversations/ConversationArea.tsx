import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@contract/auth';
import type { ChannelCapacity } from '@contract/http/agents';
import type { FetchLike } from '../api/http-client';
import { useObservable } from '../app/use-observable';
import { toInboxRow } from '../inbox/inbox-row';
import { ChannelIcon } from '../inbox/ChannelIcon';
import { tabShortcut } from './conversation-keys';
import type { ConversationTabs } from './conversation-tabs';
import type { ConversationServices, ConversationSocket } from './pane-props';
import { paneFor } from './pane-registry';
import type { PaneRegistry } from './pane-registry';
import { conversationPanes } from './panes';
import type { ConversationTab } from './tabs-state';
import './ConversationArea.css';

/** Where the area listens for its global shortcuts (the document in the app). */
export type KeyTarget = Pick<Document, 'addEventListener' | 'removeEventListener'>;

/** What the composition root gives the conversation area: the panes' services and the capacity read. */
export interface ConversationAreaServices extends ConversationServices {
  loadCapacity: () => Promise<ChannelCapacity>;
  /** fetch, for downloads the JSON client does not cover (chat attachments). */
  fetch: FetchLike;
  /** A fresh unique id (chat messages' client ids). */
  newId: () => string;
}

/** Props of the conversation area: the seat's tabs, who works them, and what the panes use. */
export interface ConversationAreaProps {
  tabs: ConversationTabs;
  user: User;
  socket: ConversationSocket;
  services: ConversationServices;
  /** Loads the agent's channel capacity; until it answers the routing defaults apply. */
  loadCapacity?: () => Promise<ChannelCapacity>;
  registry?: PaneRegistry;
  keyTarget?: KeyTarget;
}

const customerOf = (tab: ConversationTab) => toInboxRow(tab.interaction).customer || tab.id;
const subjectOf = (tab: ConversationTab) => toInboxRow(tab.interaction).subject;

/** The tabbed conversations beside the customer view: one pane per open interaction, by channel. */
export function ConversationArea({
  tabs,
  user,
  socket,
  services,
  loadCapacity,
  registry = conversationPanes,
  keyTarget = document,
}: ConversationAreaProps) {
  const { t } = useTranslation();
  const state = useObservable(tabs.state$, tabs.state);
  const [announcement, setAnnouncement] = useState('');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => tabs.start(), [tabs]);

  useEffect(() => {
    if (!loadCapacity) return;
    let live = true;
    loadCapacity().then(
      (capacity) => live && tabs.setCapacity(capacity),
      // The routing defaults stay in force; the server still enforces the real limits.
      (error: unknown) => console.warn('[conversations] capacity could not be loaded', error),
    );
    return () => {
      live = false;
    };
  }, [tabs, loadCapacity]);

  useEffect(() => {
    const subscription = tabs.refused$.subscribe(({ interaction, limit }) =>
      setAnnouncement(
        t('conversations.full', { count: limit, channel: t(`inbox.channel.${interaction.channel}`) }),
      ),
    );
    return () => subscription.unsubscribe();
  }, [tabs, t]);

  const focusActive = useCallback(() => {
    const id = tabs.state.activeId;
    if (id) tabRefs.current.get(id)?.focus();
  }, [tabs]);

  useEffect(() => {
    const onKey = (event: Event) => {
      const key = event as KeyboardEvent;
      if (key.defaultPrevented) return;
      const shortcut = tabShortcut(key);
      if (!shortcut || tabs.state.tabs.length === 0) return;
      key.preventDefault();
      if (shortcut.kind === 'index') tabs.selectIndex(shortcut.index);
      else tabs.cycle(shortcut.step);
      focusActive();
    };
    keyTarget.addEventListener('keydown', onKey);
    return () => keyTarget.removeEventListener('keydown', onKey);
  }, [keyTarget, tabs, focusActive]);

  // Arrow keys, Home and End move along the strip (showing the tab reached); Delete closes.
  const onTabKeyDown = (event: ReactKeyboardEvent, tab: ConversationTab) => {
    const moves: Record<string, () => void> = {
      ArrowRight: () => tabs.cycle(1),
      ArrowLeft: () => tabs.cycle(-1),
      Home: () => tabs.selectIndex(0),
      End: () => tabs.selectIndex(tabs.state.tabs.length - 1),
      Delete: () => close(tab),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
    focusActive();
  };

  const close = (tab: ConversationTab) => {
    tabs.close(tab.id);
    setAnnouncement(t('conversations.closed', { customer: customerOf(tab) }));
  };

  const panes = useMemo(
    () => new Map(state.tabs.map((tab) => [tab.id, paneFor(registry, tab.interaction.channel)])),
    [state.tabs, registry],
  );

  return (
    <div className="conversations" data-testid="conversations" data-active-id={state.activeId ?? ''}>
      {state.tabs.length === 0 ? (
        <p className="conversations__empty">{t('conversations.empty')}</p>
      ) : (
        <>
          <div className="conversations__strip" role="tablist" aria-label={t('conversations.tabs')}>
            {state.tabs.map((tab) => {
              const selected = tab.id === state.activeId;
              const customer = customerOf(tab);
              const subject = subjectOf(tab);
              return (
                <div key={tab.id} className="conversations__tab-wrap" data-selected={selected}>
                  <button
                    type="button"
                    role="tab"
                    id={`conversation-tab-${tab.id}`}
                    aria-controls={`conversation-panel-${tab.id}`}
                    aria-selected={selected}
                    tabIndex={selected ? 0 : -1}
                    className="conversations__tab"
                    data-testid="conversation-tab"
                    data-interaction-id={tab.id}
                    data-channel={tab.interaction.channel}
                    data-gone={tab.gone ?? ''}
                    ref={(el) => {
                      if (el) tabRefs.current.set(tab.id, el);
                      else tabRefs.current.delete(tab.id);
                    }}
                    onClick={() => tabs.select(tab.id)}
                    onKeyDown={(event) => onTabKeyDown(event, tab)}
                  >
                    <ChannelIcon channel={tab.interaction.channel} />
                    <span className="conversations__customer">{customer}</span>
                    {subject ? (
                      <span className="conversations__subject" title={subject}>
                        {subject}
                      </span>
                    ) : null}
                    {tab.unseen > 0 ? (
                      <span className="conversations__badge" data-testid="conversation-unseen">
                        <span aria-hidden="true">{tab.unseen}</span>
                        <span className="visually-hidden">
                          {t('conversations.unseen', { count: tab.unseen })}
                        </span>
                      </span>
                    ) : null}
                  </button>
                  <button
                    type="button"
                    className="conversations__close"
                    tabIndex={-1}
                    aria-label={t('conversations.close', { customer })}
                    title={t('conversations.close', { customer })}
                    data-testid="conversation-close"
                    onClick={() => close(tab)}
                  >
                    ×
                  </button>
                </div>
              );
            })}
          </div>
          {state.tabs.map((tab) => {
            const Pane = panes.get(tab.id);
            const selected = tab.id === state.activeId;
            return (
              <div
                key={tab.id}
                role="tabpanel"
                id={`conversation-panel-${tab.id}`}
                aria-labelledby={`conversation-tab-${tab.id}`}
                className="conversations__panel"
                data-testid="conversation-panel"
                data-interaction-id={tab.id}
                hidden={!selected}
              >
                {tab.gone ? (
                  <p className="conversations__gone" role="note">
                    {t(`conversations.gone.${tab.gone}`)}
                  </p>
                ) : null}
                {Pane ? (
                  <Pane
                    interaction={tab.interaction}
                    gone={tab.gone}
                    user={user}
                    socket={socket}
                    services={services}
                    active={selected}
                    onClose={() => close(tab)}
                    onAttention={(unseen) => tabs.setUnseen(tab.id, unseen)}
                    announce={setAnnouncement}
                  />
                ) : null}
              </div>
            );
          })}
        </>
      )}
      <p className="conversations__hint">{t('conversations.shortcuts')}</p>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="conversations-status">
        {announcement}
      </div>
    </div>
  );
}
