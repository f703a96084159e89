import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@contract/webchat';
import { initialChatState, type ChatViewState } from './chatState';
import { createChatView, type ChatViewHandlers } from './chatView';

const topics = [
  { id: 'demo-queue-general', label: 'General', queueId: 'demo-queue-general' },
  { id: 'demo-queue-billing', label: 'Billing', queueId: 'demo-queue-billing' },
];

function setup() {
  const section = document.createElement('section');
  document.body.append(section);
  const calls: Array<[string, unknown]> = [];
  const handlers: ChatViewHandlers = {
    onStart: (form) => calls.push(['start', form]),
    onSend: (text) => calls.push(['send', text]),
    onTyping: (active) => calls.push(['typing', active]),
    onAttach: (file) => calls.push(['attach', file.name]),
    onEnd: (email) => calls.push(['end', email]),
    onSeen: (seq) => calls.push(['seen', seq]),
    onRetry: (clientId) => calls.push(['retry', clientId]),
    onDiscard: (clientId) => calls.push(['discard', clientId]),
  };
  const view = createChatView(
    section,
    topics,
    null,
    { attachment: (id, inline) => `/a/${id}${inline ? '?inline=1' : ''}` },
    handlers,
  );
  const $ = (id: string) => section.querySelector<HTMLElement>(`[data-testid=${id}]`)!;
  return { section, view, calls, $ };
}

const message = (seq: number, author: ChatMessage['author'], text: string): ChatMessage => ({
  seq,
  author,
  agentId: null,
  authorName: author === 'agent' ? 'Ava' : 'Mia',
  text,
  attachment: null,
  clientId: null,
  sentAt: '2026-03-02T09:00:00.000Z',
});

describe('chat view', () => {
  it('sends the pre-chat form with the chosen topic and the transcript choice', () => {
    const { view, calls, $ } = setup();
    view.render(initialChatState());
    ($('chat-name') as HTMLInputElement).value = ' Mia ';
    ($('chat-contact') as HTMLInputElement).value = 'mia@example.com';
    ($('chat-topic') as HTMLSelectElement).value = 'demo-queue-billing';
    ($('chat-email-transcript') as HTMLInputElement).checked = true;
    $('chat-form').dispatchEvent(new Event('submit', { cancelable: true }));
    expect(calls).toContainEqual([
      'start',
      { name: 'Mia', contact: 'mia@example.com', topic: 'demo-queue-billing', emailTranscript: true },
    ]);
  });

  it('shows the phase on the status hook and the queue figures while waiting', () => {
    const { view, $ } = setup();
    view.render({
      ...initialChatState(),
      phase: 'queued',
      connected: true,
      position: 3,
      estimatedWaitSeconds: 120,
    });
    expect($('chat-status').dataset['state']).toBe('queued');
    expect($('chat-queue').textContent).toBe('Position 3 in the queue. Estimated wait: about 2 minutes.');
  });

  it('shows markup in messages as text, never as elements', () => {
    const { view, section } = setup();
    const state: ChatViewState = {
      ...initialChatState(),
      phase: 'active',
      connected: true,
      messages: [message(1, 'agent', '<img src=x onerror="alert(1)">')],
    };
    view.render(state);
    const item = section.querySelector('[data-testid=chat-message][data-author=agent]')!;
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('marks customer messages with their receipt and lists pending ones', () => {
    const { view, section } = setup();
    view.render({
      ...initialChatState(),
      phase: 'active',
      connected: true,
      messages: [message(1, 'customer', 'one'), message(2, 'customer', 'two')],
      deliveredSeq: 2,
      readSeq: 1,
      pending: [{ clientId: 'c3', text: 'three', attachmentId: null, attachmentName: null, failed: null }],
    });
    const receipts = [...section.querySelectorAll<HTMLElement>('[data-testid=chat-message]')].map(
      (li) => li.dataset['receipt'],
    );
    expect(receipts).toEqual(['read', 'delivered', 'pending']);
  });

  it('shows a refused message as not sent with the reason, and offers to retry or remove it', () => {
    const { view, section, calls, $ } = setup();
    view.render({
      ...initialChatState(),
      phase: 'active',
      connected: true,
      pending: [
        {
          clientId: 'c4',
          text: 'four',
          attachmentId: null,
          attachmentName: null,
          failed: 'You are sending messages too fast; wait a moment.',
        },
      ],
    });
    const item = section.querySelector<HTMLElement>('[data-testid=chat-message]')!;
    expect(item.dataset['receipt']).toBe('failed');
    expect($('chat-failed-reason').textContent).toBe(
      'Not sent: You are sending messages too fast; wait a moment.',
    );
    $('chat-retry').click();
    $('chat-discard').click();
    expect(calls).toEqual([
      ['retry', 'c4'],
      ['discard', 'c4'],
    ]);
  });

  it('sends the message on Enter and stops the typing signal', () => {
    const { view, calls, $ } = setup();
    view.render({ ...initialChatState(), phase: 'active', connected: true });
    const input = $('chat-input') as HTMLTextAreaElement;
    input.value = 'hello';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    expect(calls).toEqual([
      ['typing', true],
      ['send', 'hello'],
      ['typing', false],
    ]);
    expect(input.value).toBe('');
  });

  it('ends the chat asking for the transcript when the box is ticked', () => {
    const { view, calls, $ } = setup();
    view.render({ ...initialChatState(), phase: 'active', connected: true });
    ($('chat-end-email') as HTMLInputElement).checked = true;
    $('chat-end').click();
    expect(calls).toContainEqual(['end', true]);
  });
});
