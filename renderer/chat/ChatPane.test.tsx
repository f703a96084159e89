import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction } from '@contract/routing';
import { ManualTimers } from '../api/testing/fake-socket';
import type { ConversationServices } from '../conversations/pane-props';
import { agentUser, fakeConversationSocket, interaction } from '../conversations/testing';
import { renderWithI18n } from '../i18n/render-with-i18n';
import type { ChatApi } from './chat-api';
import { ChatServicesContext } from './chat-context';
import { createChatStore } from './chat-store';
import { ChatPane } from './ChatPane';

afterEach(cleanup);

const t0 = Date.parse('2026-01-01T10:00:00.000Z');
const webchat = { chatId: 'chat-0001', name: 'Li Na', contact: 'li@example.test', topic: 'Billing' };

function setup(initial: Interaction) {
  const { socket, frames, sent, answers } = fakeConversationSocket();
  const timers = new ManualTimers();
  let n = 0;
  const store = createChatStore({
    socket,
    timers,
    now: () => t0,
    newClientId: () => `c${++n}`,
    describeError: () => 'failed',
  });
  const stop = store.start();
  const uploads: string[] = [];
  const api: ChatApi = {
    upload: (_chatId, file) => {
      uploads.push(file.name);
      return Promise.resolve({ id: 'att1', filename: file.name, contentType: 'image/png', size: file.size });
    },
    download: () => Promise.resolve(new Blob(['x'])),
    queues: () =>
      Promise.resolve([
        {
          id: 'q1',
          name: 'General',
          serviceLevelSeconds: 20,
          channels: ['im'],
          priority: 0,
          requiredSkills: [],
        },
        {
          id: 'q2',
          name: 'Voice only',
          serviceLevelSeconds: 20,
          channels: ['voice'],
          priority: 0,
          requiredSkills: [],
        },
      ]),
    colleagues: () =>
      Promise.resolve([
        { id: 'a1', displayName: 'Me', team: null, state: 'busy' },
        { id: 'a2', displayName: 'Wang Fang', team: null, state: 'ready' },
      ]),
  };
  const services: ConversationServices = {
    // The only JSON request a chat pane makes itself: the canned responses for its composer.
    http: {
      request: <T,>({ path }: { path: string }) =>
        path === '/api/canned'
          ? Promise.resolve({ responses: [cannedGreeting] } as T)
          : Promise.reject(new Error(`unexpected ${path}`)),
    } as ConversationServices['http'],
    serverUrl: 'http://seat.test',
    getToken: () => 't',
    timers,
    now: () => t0,
  };
  const announced: string[] = [];
  let closed = 0;
  const view = (i: Interaction) => (
    <ChatServicesContext.Provider value={{ store, api }}>
      <ChatPane
        interaction={i}
        gone={null}
        user={agentUser}
        socket={socket}
        services={services}
        active
        onClose={() => closed++}
        onAttention={() => undefined}
        announce={(m) => announced.push(m)}
      />
    </ChatServicesContext.Provider>
  );
  const rendered = renderWithI18n(view(initial));
  const rerender = (i: Interaction) => rendered.rerender(view(i));
  const ack = async () => {
    await act(async () => {
      for (const a of answers.splice(0)) a.resolve();
      await Promise.resolve();
    });
  };
  return { frames, sent, rerender, ack, announced, uploads, stop, closed: () => closed };
}

const cannedGreeting = {
  id: 'c1',
  scope: 'tenant' as const,
  title: 'Greeting',
  body: 'Hello {{customer.name}}, this is {{agent.name}}. Your order {{order.number}}?',
  shortcut: 'greet',
  language: 'en',
  updatedAt: '2026-01-01T09:00:00.000Z',
};

const begin = {
  type: 'chat.begin' as const,
  interactionId: 'i1',
  chatId: 'chat-0001',
  // The notice names the topic by its queue id; the label is in the interaction's attached data.
  customer: { name: 'Li Na', contact: 'li@example.test', topic: 'demo-queue-billing', customerId: null },
  token: 'tok-1',
  expiresAt: '2026-01-01T10:00:30.000Z',
};

describe('ChatPane', () => {
  it('accepts a matching join, then shows the transcript and sends with Enter', async () => {
    const offered = interaction('i1', { state: 'offered', attached: { webchat } });
    const { frames, sent, rerender, ack } = setup(offered);
    act(() => frames.next(begin));
    expect(screen.getByTestId('chat-pane-status').textContent).toContain('Waiting for the customer to join');
    expect(screen.getByTestId('chat-pane').textContent).toContain('li@example.test · Topic: Billing');
    act(() => frames.next({ type: 'chat.join', interactionId: 'i1', chatId: 'chat-0001', token: 'tok-1' }));
    expect(screen.getByTestId('chat-pane').getAttribute('data-join')).toBe('verified');
    await userEvent.click(screen.getByTestId('chat-pane-accept'));
    expect(sent).toEqual([{ type: 'chat.accept', interactionId: 'i1', token: 'tok-1' }]);
    await ack();
    rerender({ ...offered, state: 'active' });
    act(() =>
      frames.next({
        type: 'chat.transcript',
        interactionId: 'i1',
        chatId: 'chat-0001',
        messages: [
          {
            seq: 1,
            author: 'customer',
            agentId: null,
            authorName: 'Li Na',
            text: 'My bill is wrong',
            attachment: null,
            clientId: 'x',
            sentAt: '2026-01-01T10:00:01.000Z',
          },
        ],
      }),
    );
    expect(screen.getByTestId('chat-pane-transcript').textContent).toContain('My bill is wrong');
    await waitFor(() => expect(sent).toContainEqual({ type: 'chat.read', interactionId: 'i1', seq: 1 }));
    await userEvent.type(screen.getByTestId('chat-pane-input'), 'Let me look{Enter}');
    expect(sent).toContainEqual({
      type: 'chat.send',
      interactionId: 'i1',
      clientId: 'c1',
      text: 'Let me look',
    });
    expect(screen.getByTestId('chat-pane-outgoing').getAttribute('data-state')).toBe('sending');
  });

  it('inserts a canned response typed as "/" with the customer\'s and agent\'s names filled, flagging what it could not fill', async () => {
    const offered = interaction('i1', { state: 'offered', attached: { webchat } });
    const { frames, rerender, ack } = setup(offered);
    act(() => frames.next(begin));
    act(() => frames.next({ type: 'chat.join', interactionId: 'i1', chatId: 'chat-0001', token: 'tok-1' }));
    await userEvent.click(screen.getByTestId('chat-pane-accept'));
    await ack();
    rerender({ ...offered, state: 'active' });
    const input = screen.getByTestId<HTMLTextAreaElement>('chat-pane-input');
    await userEvent.type(input, '/');
    const search = await screen.findByRole('combobox', { name: 'Search canned responses' });
    await screen.findByText('Greeting');
    await userEvent.type(search, 'gre{Enter}');
    expect(input.value).toBe(`Hello Li Na, this is ${agentUser.displayName}. Your order {{order.number}}?`);
    expect(screen.getByRole('status').textContent).toContain('{{order.number}}');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
  });

  it('rejects a join that does not match and shows an alert instead of an Accept that works', () => {
    const { frames, sent } = setup(interaction('i1', { state: 'offered', attached: { webchat } }));
    act(() => frames.next(begin));
    act(() => frames.next({ type: 'chat.join', interactionId: 'i1', chatId: 'chat-0001', token: 'forged' }));
    expect(sent).toEqual([{ type: 'chat.reject', interactionId: 'i1', reason: 'join_wrong_token' }]);
    expect(screen.getByTestId('chat-pane-alert').getAttribute('data-kind')).toBe('mismatch');
    expect((screen.getByTestId('chat-pane-accept') as HTMLButtonElement).disabled).toBe(true);
  });

  it('transfers to a colleague or a chat queue only, and wraps up after the end', async () => {
    const active = interaction('i1', { state: 'active', attached: { webchat } });
    const { sent, rerender, ack, closed } = setup(active);
    const target = screen.getByTestId('chat-pane-transfer-target');
    await screen.findByRole('option', { name: 'Wang Fang (Ready)' });
    expect(screen.queryByRole('option', { name: 'Voice only' })).toBeNull();
    expect(screen.queryByRole('option', { name: /^Me / })).toBeNull();
    await userEvent.selectOptions(target, 'agent:a2');
    await userEvent.click(screen.getByTestId('chat-pane-transfer'));
    expect(sent).toContainEqual({
      type: 'interaction.transfer',
      interactionId: 'i1',
      to: { kind: 'agent', agentId: 'a2' },
    });
    await ack();
    await userEvent.click(screen.getByTestId('chat-pane-end'));
    expect(sent).toContainEqual({ type: 'interaction.end', interactionId: 'i1' });
    await ack();
    rerender({ ...active, state: 'wrapup' });
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(sent).toContainEqual({ type: 'interaction.wrapup', interactionId: 'i1', disposition: 'resolved' });
    await ack();
    expect(closed()).toBe(1);
  });

  it('uploads an attached file and sends it by its id', async () => {
    const { sent, uploads } = setup(interaction('i1', { state: 'active', attached: { webchat } }));
    const file = new File(['png'], 'shot.png', { type: 'image/png' });
    await userEvent.upload(screen.getByTestId('chat-pane-attach'), file);
    await waitFor(() =>
      expect(sent).toContainEqual({
        type: 'chat.send',
        interactionId: 'i1',
        clientId: 'c1',
        text: '',
        attachmentId: 'att1',
      }),
    );
    expect(uploads).toEqual(['shot.png']);
  });
});
