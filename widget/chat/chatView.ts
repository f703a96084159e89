import type { ChatTopic } from '@contract/webchat';
import { receiptOf, waitText, type ChatViewState } from './chatState';

// The chat part's DOM, built once and updated from the state. Every text from the server or the
// customer is set with textContent, never as HTML, so a message like <img onerror=…> shows as text.
// The data-testid hooks are what the e2e tests read.

/** What the view reports back. */
export interface ChatViewHandlers {
  onStart(form: { name: string; contact: string; topic: string; emailTranscript: boolean }): void;
  onSend(text: string): void;
  onTyping(active: boolean): void;
  onAttach(file: File): void;
  onEnd(emailTranscript: boolean): void;
  /** The customer has seen messages up to this seq (the transcript was shown while the page is visible). */
  onSeen(seq: number): void;
  /** The customer sends a refused message again. */
  onRetry(clientId: string): void;
  /** The customer drops a refused message. */
  onDiscard(clientId: string): void;
}

/** The rendered part. */
export interface ChatView {
  render(state: ChatViewState): void;
  /** Shows a problem that is not in the state (upload refused). */
  notice(text: string): void;
  dispose(): void;
}

const statusText: Record<ChatViewState['phase'], string> = {
  idle: 'Tell us who you are and what it is about.',
  queued: 'You are in the queue.',
  connecting: 'An agent is being connected…',
  active: 'Connected.',
  ended: 'The chat has ended.',
  failed: 'The chat could not be started.',
};

/** Builds the view into `section`. */
export function createChatView(
  section: HTMLElement,
  topics: readonly ChatTopic[],
  fixedTopic: string | null,
  links: { attachment(id: string, inline: boolean): string | null },
  handlers: ChatViewHandlers,
): ChatView {
  const doc = section.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    text = '',
  ) => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  };
  const labelled = (text: string, control: HTMLElement) => {
    const label = el('label', { class: 'chat__field' });
    label.append(el('span', {}, text), control);
    return label;
  };

  const root = el('div', { class: 'chat' });
  const form = el('form', { class: 'chat__form', 'data-testid': 'chat-form' });
  const name = el('input', {
    'data-testid': 'chat-name',
    name: 'name',
    required: '',
    maxlength: '100',
    autocomplete: 'name',
  });
  const contact = el('input', {
    'data-testid': 'chat-contact',
    name: 'contact',
    required: '',
    maxlength: '254',
    autocomplete: 'email',
    placeholder: 'E-mail or phone',
  });
  const topic = el('select', { 'data-testid': 'chat-topic', name: 'topic' });
  for (const t of topics) topic.append(el('option', { value: t.id }, t.label));
  if (fixedTopic) topic.value = fixedTopic;
  const emailTranscript = el('input', { type: 'checkbox', 'data-testid': 'chat-email-transcript' });
  const start = el(
    'button',
    { type: 'submit', 'data-testid': 'chat-start', class: 'chat__button' },
    'Start chat',
  );
  const emailLabel = el('label', { class: 'chat__check' });
  emailLabel.append(emailTranscript, el('span', {}, 'E-mail me the transcript when we are done'));
  form.append(
    labelled('Your name', name),
    labelled('E-mail or phone', contact),
    labelled('Topic', topic),
    emailLabel,
    start,
  );

  const status = el('p', {
    'data-testid': 'chat-status',
    'data-state': 'idle',
    role: 'status',
    class: 'chat__status',
  });
  const queue = el('p', { 'data-testid': 'chat-queue', class: 'chat__queue' });
  const notice = el('p', { 'data-testid': 'chat-notice', role: 'alert', class: 'chat__notice' });
  notice.hidden = true;
  const transcript = el('ol', {
    'data-testid': 'chat-transcript',
    class: 'chat__transcript',
    'aria-live': 'polite',
  });
  const typing = el('p', { 'data-testid': 'chat-typing', class: 'chat__typing' }, 'The agent is typing…');
  typing.hidden = true;

  const composer = el('form', { class: 'chat__composer' });
  const input = el('textarea', {
    'data-testid': 'chat-input',
    rows: '2',
    maxlength: '2000',
    'aria-label': 'Your message',
    placeholder: 'Type your message',
  });
  const send = el('button', { type: 'submit', 'data-testid': 'chat-send', class: 'chat__button' }, 'Send');
  const attach = el('input', {
    type: 'file',
    'data-testid': 'chat-attach',
    'aria-label': 'Attach a file',
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain',
  });
  const endBox = el('input', { type: 'checkbox', 'data-testid': 'chat-end-email' });
  const endLabel = el('label', { class: 'chat__check' });
  endLabel.append(endBox, el('span', {}, 'E-mail the transcript'));
  const end = el(
    'button',
    { type: 'button', 'data-testid': 'chat-end', class: 'chat__button chat__button--end' },
    'End chat',
  );
  composer.append(input, send, attach, endLabel, end);
  root.append(form, status, queue, notice, transcript, typing, composer);
  section.append(root);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.onStart({
      name: name.value.trim(),
      contact: contact.value.trim(),
      topic: topic.value,
      emailTranscript: emailTranscript.checked,
    });
  });
  let typingSent = false;
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  const stopTyping = () => {
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer = null;
    if (typingSent) handlers.onTyping(false);
    typingSent = false;
  };
  input.addEventListener('input', () => {
    if (!typingSent) handlers.onTyping(true);
    typingSent = true;
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 3000);
  });
  const submit = () => {
    const text = input.value;
    if (!text.trim()) return;
    handlers.onSend(text);
    input.value = '';
    stopTyping();
  };
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  });
  attach.addEventListener('change', () => {
    const file = attach.files?.[0];
    if (file) handlers.onAttach(file);
    attach.value = '';
  });
  end.addEventListener('click', () => handlers.onEnd(endBox.checked));
  // One listener for the transcript: its items are rebuilt on every render.
  transcript.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('button[data-client-id]');
    const clientId = button?.dataset['clientId'];
    if (!button || !clientId) return;
    if (button.dataset['testid'] === 'chat-retry') handlers.onRetry(clientId);
    else handlers.onDiscard(clientId);
  });

  const messageItem = (state: ChatViewState, m: ChatViewState['messages'][number]) => {
    const item = el('li', {
      'data-testid': 'chat-message',
      'data-author': m.author,
      'data-seq': String(m.seq),
      class: `chat__message chat__message--${m.author}`,
    });
    if (m.author !== 'system')
      item.append(
        el('span', { class: 'chat__who' }, m.author === 'customer' ? 'You' : (m.authorName ?? 'Agent')),
      );
    if (m.text) item.append(el('span', { class: 'chat__text', 'data-testid': 'chat-message-text' }, m.text));
    if (m.attachment) {
      const href = links.attachment(m.attachment.id, false);
      const link = el(
        'a',
        { 'data-testid': 'chat-attachment', download: m.attachment.filename, rel: 'noopener' },
        m.attachment.filename,
      );
      if (href) link.setAttribute('href', href);
      if (m.attachment.contentType.startsWith('image/')) {
        const inline = links.attachment(m.attachment.id, true);
        if (inline)
          link.prepend(el('img', { src: inline, alt: m.attachment.filename, class: 'chat__image' }));
      }
      item.append(link);
    }
    const receipt = receiptOf(state, m);
    if (receipt) {
      item.setAttribute('data-receipt', receipt);
      item.append(
        el(
          'span',
          { class: 'chat__receipt', 'aria-label': receipt },
          receipt === 'read' ? '✓✓ read' : receipt === 'delivered' ? '✓✓' : '✓',
        ),
      );
    }
    return item;
  };

  let noticeOverride: string | null = null;
  return {
    render(state) {
      status.dataset['state'] = state.phase;
      const who = state.agentName ? ` You are chatting with ${state.agentName}.` : '';
      status.textContent =
        state.phase === 'active'
          ? `${statusText.active}${who}`
          : statusText[state.phase] +
            (state.connected || state.phase === 'idle' || state.phase === 'ended' || state.phase === 'failed'
              ? ''
              : ' (reconnecting…)');
      const wait = waitText(state.estimatedWaitSeconds);
      queue.hidden = state.phase !== 'queued';
      queue.textContent =
        state.phase === 'queued'
          ? [
              state.position ? `Position ${state.position} in the queue.` : null,
              wait ? `Estimated wait: ${wait}.` : null,
            ]
              .filter(Boolean)
              .join(' ')
          : '';
      const noticeText = noticeOverride ?? state.notice;
      notice.hidden = !noticeText;
      notice.textContent = noticeText ?? '';
      noticeOverride = null;
      form.hidden = state.phase !== 'idle' && state.phase !== 'failed' && state.phase !== 'ended';
      start.textContent = state.phase === 'ended' ? 'Start a new chat' : 'Start chat';
      const live = state.phase === 'queued' || state.phase === 'connecting' || state.phase === 'active';
      composer.hidden = !live;
      typing.hidden = !state.agentTyping;
      const items = state.messages.map((m) => messageItem(state, m));
      for (const p of state.pending) {
        const item = el('li', {
          'data-testid': 'chat-message',
          'data-author': 'customer',
          'data-receipt': p.failed === null ? 'pending' : 'failed',
          class: `chat__message chat__message--customer chat__message--${p.failed === null ? 'pending' : 'failed'}`,
        });
        item.append(
          el('span', { class: 'chat__who' }, 'You'),
          el(
            'span',
            { class: 'chat__text', 'data-testid': 'chat-message-text' },
            p.text || p.attachmentName || '',
          ),
        );
        if (p.failed === null) item.append(el('span', { class: 'chat__receipt' }, '…'));
        else
          item.append(
            el(
              'span',
              { class: 'chat__failed', 'data-testid': 'chat-failed-reason' },
              `Not sent: ${p.failed}`,
            ),
            el(
              'button',
              {
                type: 'button',
                class: 'chat__link',
                'data-testid': 'chat-retry',
                'data-client-id': p.clientId,
              },
              'Retry',
            ),
            el(
              'button',
              {
                type: 'button',
                class: 'chat__link',
                'data-testid': 'chat-discard',
                'data-client-id': p.clientId,
              },
              'Remove',
            ),
          );
        items.push(item);
      }
      transcript.replaceChildren(...items);
      const lastAgent = [...state.messages].reverse().find((m) => m.author === 'agent');
      if (lastAgent && doc.visibilityState === 'visible') handlers.onSeen(lastAgent.seq);
    },
    notice(text) {
      notice.hidden = false;
      notice.textContent = text;
    },
    dispose() {
      stopTyping();
      root.remove();
    },
  };
}
