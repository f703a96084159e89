import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@contract/auth';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import { ApiError } from '../api/api-error';
import type { ConversationPaneProps } from '../conversations/pane-props';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { EmailPaneView } from './EmailPane';
import { depsWith, fakeSanitizer, message, thread } from './testing/email-fixtures';

const user: User = {
  id: 'demo-user-agent24',
  tenantId: 'tenant-demo',
  username: 'agent24',
  displayName: 'Ana Agent',
  role: 'agent',
  agentId: 'a24',
};
const interaction = (over: Partial<Interaction> = {}): Interaction => ({
  id: 'i1',
  channel: 'email',
  queueId: 'q',
  customerId: null,
  state: 'active',
  agentId: 'a24',
  attached: { email: { fromName: '陈杰', from: 'jie.chen@example.cn', subject: '发票问题' } },
  createdAt: '2026-03-02T08:00:01.000Z',
  updatedAt: '2026-03-02T08:00:01.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
  ...over,
});

const first = message({ id: 'm1', preview: 'first 第一封' });
const second = message({ id: 'm2', messageId: '<m2@example.cn>', text: '第二封', preview: '第二封' });

const setup = (over: Partial<ConversationPaneProps> = {}) => {
  const deps = depsWith(fakeSanitizer());
  const messages = new Map([
    ['m1', first],
    ['m2', second],
  ]);
  deps.api.threadOfInteraction = vi.fn().mockResolvedValue(thread([first, second]));
  deps.api.message = vi.fn((id: string) => Promise.resolve(messages.get(id) ?? first));
  const frames = new Subject<ServerMessage>();
  const props: ConversationPaneProps = {
    interaction: interaction(),
    gone: null,
    user,
    socket: { messages$: frames, request: vi.fn() },
    services: {
      http: { request: vi.fn() },
      serverUrl: 'http://seat.test',
      getToken: () => 't',
      timers: { set: vi.fn() },
      now: () => 0,
    },
    active: true,
    onClose: vi.fn(),
    onAttention: vi.fn(),
    announce: vi.fn(),
    ...over,
  };
  const view = renderWithI18n(<EmailPaneView {...props} deps={deps} />);
  return { deps, frames, props, view };
};

describe('EmailPane', () => {
  afterEach(cleanup);

  it('shows the thread with the newest message open and older ones as previews', async () => {
    setup();
    expect(await screen.findByTestId('email-subject')).toHaveProperty('textContent', '发票问题');
    await screen.findByText('第二封');
    const articles = screen.getAllByTestId('email-message');
    expect(articles).toHaveLength(2);
    expect(articles[0]?.textContent).toContain('first 第一封');
    expect(screen.getByTestId('email-end')).toBeTruthy();
  });

  it("opens the customer's latest message too when an auto-acknowledgement follows it", async () => {
    const deps = depsWith(fakeSanitizer());
    const ack = message({
      id: 'ack',
      direction: 'outbound',
      status: 'sent',
      text: 'We have your message',
      preview: 'We have',
    });
    deps.api.threadOfInteraction = vi.fn().mockResolvedValue(thread([first, ack]));
    deps.api.message = vi.fn((id: string) => Promise.resolve(id === 'ack' ? ack : first));
    renderWithI18n(
      <EmailPaneView
        interaction={interaction()}
        gone={null}
        user={user}
        socket={{ messages$: new Subject<ServerMessage>(), request: vi.fn() }}
        services={{
          http: { request: vi.fn() },
          serverUrl: '',
          getToken: () => null,
          timers: { set: vi.fn() },
          now: () => 0,
        }}
        active
        onClose={vi.fn()}
        onAttention={vi.fn()}
        announce={vi.fn()}
        deps={deps}
      />,
    );
    await screen.findByText('We have your message');
    expect(await screen.findByText('您好，请看附件。')).toBeTruthy();
    expect(deps.api.message).toHaveBeenCalledWith('m1');
  });

  it('loads an older message body when the agent opens it', async () => {
    const { deps } = setup();
    await screen.findByText('第二封');
    fireEvent.click(screen.getAllByRole('button', { expanded: false })[0] as HTMLElement);
    await waitFor(() => expect(deps.api.message).toHaveBeenCalledWith('m1'));
  });

  it('opens the composer with reply and fills placeholders from the conversation', async () => {
    setup();
    await screen.findByText('第二封');
    fireEvent.click(screen.getByTestId('email-reply'));
    expect(screen.getByTestId('email-composer')).toBeTruthy();
    expect(screen.getByTestId('email-computed-recipients').textContent).toContain('jie.chen@example.cn');
  });

  it('offers no answer buttons when the e-mail is not the agent’s to answer', async () => {
    setup({ interaction: interaction({ state: 'offered' }) });
    await screen.findByText('第二封');
    expect(screen.queryByTestId('email-reply')).toBeNull();
    expect(screen.getByText('Read only: accept this e-mail to answer it.')).toBeTruthy();
    expect(screen.queryByTestId('email-end')).toBeNull();
  });

  it('reloads the thread when the customer writes again, and flags the tab while the agent is elsewhere', async () => {
    const { deps, frames, props } = setup({ active: false });
    await screen.findByText('第二封');
    act(() =>
      frames.next({
        type: 'email.received',
        interactionId: 'i1',
        threadId: 't1',
        message: { ...thread([second]).messages[0]!, id: 'm3' },
      }),
    );
    await waitFor(() => expect(deps.api.threadOfInteraction).toHaveBeenCalledTimes(2));
    expect(props.onAttention).toHaveBeenCalledWith(1);
  });

  it('ignores e-mail frames of other interactions', async () => {
    const { deps, frames } = setup();
    await screen.findByText('第二封');
    act(() =>
      frames.next({
        type: 'email.received',
        interactionId: 'other',
        threadId: 't9',
        message: thread([second]).messages[0]!,
      }),
    );
    expect(deps.api.threadOfInteraction).toHaveBeenCalledTimes(1);
  });

  it('says why the thread could not be loaded and loads it again on request', async () => {
    const deps = depsWith(fakeSanitizer());
    deps.api.threadOfInteraction = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('NOT_FOUND', 'gone', 404))
      .mockResolvedValueOnce(thread([first]));
    deps.api.message = vi.fn().mockResolvedValue(first);
    renderWithI18n(
      <EmailPaneView
        interaction={interaction()}
        gone={null}
        user={user}
        socket={{ messages$: new Subject<ServerMessage>(), request: vi.fn() }}
        services={{
          http: { request: vi.fn() },
          serverUrl: '',
          getToken: () => null,
          timers: { set: vi.fn() },
          now: () => 0,
        }}
        active
        onClose={vi.fn()}
        onAttention={vi.fn()}
        announce={vi.fn()}
        deps={deps}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The e-mail could not be loaded: /);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('email-subject')).toBeTruthy();
  });
});
