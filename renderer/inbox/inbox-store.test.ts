import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import { ManualTimers } from '../api/testing/fake-socket';
import { createInboxStore } from './inbox-store';
import type { InboxTransaction } from './inbox-store';

const interaction = (id: string, patch: Partial<Interaction> = {}): Interaction => ({
  id,
  channel: 'im',
  queueId: 'q-general',
  customerId: `cust-${id}`,
  state: 'offered',
  agentId: 'a1',
  attached: {},
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
  ...patch,
});

const offer = (id: string, patch: Partial<Interaction> = {}): ServerMessage => ({
  type: 'interaction.offer',
  interaction: interaction(id, patch),
  expiresAt: '2026-01-01T10:00:30.000Z',
});
const update = (id: string, patch: Partial<Interaction>): ServerMessage => ({
  type: 'interaction.update',
  interaction: interaction(id, patch),
});

function setup(
  load: (() => Promise<Interaction[]>) | null = null,
  reloadMs?: number,
  keep?: (i: Interaction) => boolean,
) {
  const frames = new Subject<ServerMessage>();
  const timers = new ManualTimers();
  const store = createInboxStore({
    ...(keep ? { keep } : {}),
    frames$: frames,
    load,
    timers,
    batchMs: 100,
    ...(reloadMs ? { reloadMs } : {}),
  });
  const seen: InboxTransaction[] = [];
  store.transactions$.subscribe((tx) => seen.push(tx));
  const stop = store.start();
  const ids = (rows: { id: string; state: string }[]) => rows.map((r) => `${r.id}:${r.state}`);
  return { frames, timers, store, seen, stop, ids };
}

describe('inbox store', () => {
  it('sends a burst of frames out as one transaction after the batch delay', () => {
    const { frames, timers, seen, ids } = setup();
    for (let i = 0; i < 50; i += 1) frames.next(offer(`i${i}`));
    expect(seen).toHaveLength(0);
    expect(timers.pendingDelays()).toEqual([100]);
    timers.fireAll();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.add).toHaveLength(50);
    expect(ids(seen[0]?.update ?? [])).toEqual([]);
  });

  it('folds an offer and its update in one batch into a single add with the latest state', () => {
    const { frames, timers, seen, ids } = setup();
    frames.next(offer('i1'));
    frames.next(update('i1', { state: 'active' }));
    timers.fireAll();
    expect(ids(seen[0]?.add ?? [])).toEqual(['i1:active']);
    expect(seen[0]?.update).toEqual([]);
  });

  it('updates a row the grid already holds and removes it when revoked', () => {
    const { frames, timers, seen, ids, store } = setup();
    frames.next(offer('i1'));
    timers.fireAll();
    frames.next(update('i1', { state: 'active' }));
    timers.fireAll();
    expect(ids(seen[1]?.update ?? [])).toEqual(['i1:active']);
    frames.next({ type: 'interaction.revoked', interactionId: 'i1', reason: 'timeout' });
    timers.fireAll();
    expect(ids(seen[2]?.remove ?? [])).toEqual(['i1:active']);
    expect(store.rows()).toEqual([]);
  });

  it('never tells the grid about a row offered and revoked within one batch', () => {
    const { frames, timers, seen } = setup();
    frames.next(offer('i1'));
    frames.next({ type: 'interaction.revoked', interactionId: 'i1', reason: 'timeout' });
    expect(timers.pendingDelays()).toEqual([100]);
    timers.fireAll();
    expect(seen).toEqual([]);
  });

  it('drops work that has ended and ignores revocations of unknown ids', () => {
    const { frames, timers, seen, ids, store } = setup();
    frames.next(update('i1', { state: 'wrapup' }));
    timers.fireAll();
    frames.next(update('i1', { state: 'ended' }));
    frames.next({ type: 'interaction.revoked', interactionId: 'nope', reason: 'timeout' });
    timers.fireAll();
    expect(ids(seen[1]?.remove ?? [])).toEqual(['i1:wrapup']);
    expect(store.row('i1')).toBeUndefined();
  });

  it('marks new offers unread, keeps the mark across updates until opened, and keeps the offer expiry', () => {
    const { frames, timers, store, seen } = setup();
    frames.next(offer('i1'));
    timers.fireAll();
    expect(store.row('i1')).toMatchObject({ unread: true, expiresAt: '2026-01-01T10:00:30.000Z' });
    frames.next(update('i1', { state: 'offered' }));
    expect(store.row('i1')).toMatchObject({ unread: true, expiresAt: '2026-01-01T10:00:30.000Z' });
    store.markOpened('i1');
    timers.fireAll();
    expect(store.row('i1')?.unread).toBe(false);
    expect(seen.at(-1)?.update.map((r) => r.unread)).toEqual([false]);
    frames.next(update('i1', { state: 'active' }));
    expect(store.row('i1')).toMatchObject({ unread: false, expiresAt: null });
  });

  it('loads the list at start, but a frame newer than the list wins', async () => {
    let resolve: (list: Interaction[]) => void = () => undefined;
    const { frames, timers, store, seen, ids } = setup(
      () => new Promise<Interaction[]>((r) => (resolve = r)),
    );
    frames.next(update('i1', { state: 'active' }));
    resolve([interaction('i1', { state: 'offered' }), interaction('i2', { state: 'queued', agentId: null })]);
    await Promise.resolve();
    await Promise.resolve();
    timers.fireAll();
    expect(ids(store.rows())).toEqual(['i1:active', 'i2:queued']);
    expect(ids(seen[0]?.add ?? [])).toEqual(['i1:active', 'i2:queued']);
  });

  it('stops following frames and cancels a pending batch when disposed', () => {
    const { frames, timers, seen, stop, store } = setup();
    frames.next(offer('i1'));
    stop();
    expect(timers.pendingDelays()).toEqual([]);
    frames.next(offer('i2'));
    expect(store.row('i2')).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('reloads the list on its period, dropping what left it and keeping what a frame just changed', async () => {
    const lists = [
      [interaction('i1', { state: 'active' }), interaction('i2', { state: 'queued', agentId: null })],
      [interaction('i3', { state: 'queued', agentId: null })],
    ];
    let call = 0;
    let frameDuringLoad: (() => void) | null = null;
    const { frames, timers, store, ids } = setup(() => {
      const list = lists[call] ?? [];
      call += 1;
      frameDuringLoad?.();
      return Promise.resolve(list);
    }, 5000);
    const settle = async () => {
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    };
    await settle();
    expect(ids(store.rows())).toEqual(['i1:active', 'i2:queued']);
    expect(timers.pendingDelays()).toContain(5000);
    frameDuringLoad = () => frames.next(update('i1', { state: 'wrapup' }));
    timers.fireAll();
    await settle();
    expect(ids(store.rows())).toEqual(['i1:wrapup', 'i3:queued']);
    expect(call).toBe(2);
  });

  it('loads the list again when the socket is greeted anew (a reconnect), but not while a load is under way', async () => {
    const lists = [
      [interaction('i1', { state: 'active' })],
      [interaction('i1', { state: 'active' }), interaction('i2', { state: 'queued', agentId: null })],
    ];
    let call = 0;
    let answer: (() => void) | null = null;
    const { frames, store, timers, ids } = setup(
      () =>
        new Promise<Interaction[]>((resolve) => {
          const list = lists[call] ?? [];
          call += 1;
          answer = () => resolve(list);
        }),
    );
    const settle = async () => {
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    };
    const hello: ServerMessage = {
      type: 'hello',
      user: {
        id: 'u',
        tenantId: 't',
        username: 'lead01',
        displayName: 'L',
        role: 'team_lead',
        agentId: null,
      },
      serverTime: '2026-01-01T10:00:00.000Z',
    };
    frames.next(hello);
    expect(call).toBe(1);
    answer!();
    await settle();
    expect(ids(store.rows())).toEqual(['i1:active']);
    // No period: between reconnects only frames change the list.
    expect(timers.pendingDelays().filter((ms) => ms > 100)).toEqual([]);
    frames.next(hello);
    expect(call).toBe(2);
    answer!();
    await settle();
    expect(ids(store.rows())).toEqual(['i1:active', 'i2:queued']);
  });

  it('tries a failed load again after the retry delay, and only then', async () => {
    let call = 0;
    const frames = new Subject<ServerMessage>();
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    const store = createInboxStore({
      frames$: frames,
      load: () => (++call === 1 ? Promise.reject(new Error('down')) : Promise.resolve([interaction('i1')])),
      timers,
      retryMs: 5000,
      onLoadError: (error) => errors.push(error),
    });
    store.start();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(errors).toHaveLength(1);
    expect(timers.pendingDelays()).toEqual([5000]);
    timers.fireAll();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(call).toBe(2);
    expect(store.size()).toBe(1);
    expect(timers.pendingDelays().filter((ms) => ms === 5000)).toEqual([]);
  });

  it("marks owned work unread when the customer writes (chat line or e-mail) until the agent opens it, but not for the agent's own lines", () => {
    const { frames, timers, store } = setup(null, undefined, (i) => i.agentId === 'a1');
    frames.next(update('c1', { state: 'active', channel: 'im' }));
    frames.next(update('e1', { state: 'active', channel: 'email' }));
    timers.fireAll();
    expect([store.row('c1')?.unread, store.row('e1')?.unread]).toEqual([false, false]);
    const line = (author: 'customer' | 'agent', seq: number): ServerMessage => ({
      type: 'chat.message',
      interactionId: 'c1',
      chatId: 'chat-1',
      message: {
        seq,
        author,
        agentId: author === 'agent' ? 'a1' : null,
        authorName: null,
        text: 'hello',
        attachment: null,
        clientId: null,
        sentAt: '2026-01-01T10:01:00.000Z',
      },
    });
    frames.next(line('agent', 1));
    expect(store.row('c1')?.unread).toBe(false);
    frames.next(line('customer', 2));
    frames.next({
      type: 'email.received',
      interactionId: 'e1',
      threadId: 't1',
      message: {
        id: 'm2',
        threadId: 't1',
        direction: 'inbound',
        messageId: '<m2@x.test>',
        from: { address: 'ada@x.test', name: 'Ada' },
        to: [],
        cc: [],
        subject: 'Re: invoice',
        date: '2026-01-01T10:01:00.000Z',
        receivedAt: '2026-01-01T10:01:00.000Z',
        preview: 'One more thing',
        attachmentCount: 0,
        status: 'received',
        parseProblem: null,
      },
    });
    timers.fireAll();
    expect([store.row('c1')?.unread, store.row('e1')?.unread]).toEqual([true, true]);
    // A later change of the work keeps the mark; opening the row clears it.
    frames.next(update('c1', { state: 'wrapup', channel: 'im', updatedAt: '2026-01-01T10:02:00.000Z' }));
    expect(store.row('c1')?.unread).toBe(true);
    store.markOpened('c1');
    expect([store.row('c1')?.unread, store.row('e1')?.unread]).toEqual([false, true]);
  });

  it('counts the conversation the agent has in front as read: opening it clears the mark, and its new lines add none', () => {
    const { frames, timers, store } = setup(null, undefined, (i) => i.agentId === 'a1');
    frames.next(update('e1', { state: 'active', channel: 'email' }));
    frames.next(update('e2', { state: 'active', channel: 'email' }));
    timers.fireAll();
    const wrote = (interactionId: string): ServerMessage => ({
      type: 'email.received',
      interactionId,
      threadId: `t-${interactionId}`,
      message: {
        id: `m-${interactionId}`,
        threadId: `t-${interactionId}`,
        direction: 'inbound',
        messageId: `<${interactionId}@x.test>`,
        from: null,
        to: [],
        cc: [],
        subject: 'Re: invoice',
        date: '2026-01-01T10:01:00.000Z',
        receivedAt: '2026-01-01T10:01:00.000Z',
        preview: 'One more thing',
        attachmentCount: 0,
        status: 'received',
        parseProblem: null,
      },
    });
    frames.next(wrote('e1'));
    store.setViewing('e2');
    frames.next(wrote('e2'));
    expect([store.row('e1')?.unread, store.row('e2')?.unread]).toEqual([true, false]);
    store.setViewing('e1');
    expect(store.row('e1')?.unread).toBe(false);
    store.setViewing(null);
    frames.next(wrote('e1'));
    expect(store.row('e1')?.unread).toBe(true);
  });

  it('drops work that leaves the agent, such as a rejected offer going back to the queue', () => {
    const { frames, timers, store, seen, ids } = setup(null, undefined, (i) => i.agentId === 'a1');
    frames.next(offer('i1'));
    timers.fireAll();
    frames.next(update('i1', { state: 'queued', agentId: null }));
    timers.fireAll();
    expect(ids(seen[1]?.remove ?? [])).toEqual(['i1:offered']);
    expect(store.rows()).toEqual([]);
  });
});
