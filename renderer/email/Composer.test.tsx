import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmailReplyRequest } from '@contract/email';
import type { CannedResponse } from '@contract/http/canned';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { Composer } from './Composer';
import type { ComposeMode } from './recipients';
import { depsWith, fakeSanitizer, message } from './testing/email-fixtures';

const greeting: CannedResponse = {
  id: 'c1',
  scope: 'tenant',
  title: 'Greeting',
  body: 'Dear {{customer.name}}, I am {{agent.name}}. Order {{order.number}}.',
  shortcut: 'greet',
  language: 'en',
  updatedAt: '2026-03-02T09:00:00.000Z',
};

const setup = (
  mode: ComposeMode = 'reply',
  original = message({ cc: [{ address: 'boss@example.cn', name: '' }] }),
) => {
  const deps = depsWith(fakeSanitizer());
  deps.canned.list = vi.fn().mockResolvedValue([greeting]);
  const reply = vi.fn((_id: string, _request: EmailReplyRequest) =>
    Promise.resolve(message({ id: 'sent1', direction: 'outbound', status: 'sent' })),
  );
  deps.api.reply = reply;
  const onSent = vi.fn();
  const announce = vi.fn();
  renderWithI18n(
    <Composer
      original={original}
      mode={mode}
      mailboxAddress="support@demo.seat.test"
      placeholders={{ 'customer.name': '陈杰', 'agent.name': 'Ana', 'interaction.id': 'i1' }}
      deps={deps}
      onSent={onSent}
      onCancel={vi.fn()}
      announce={announce}
    />,
  );
  const text = screen.getByTestId('email-composer-text') as HTMLTextAreaElement;
  return { deps, reply, onSent, announce, text };
};

const type = (textarea: HTMLTextAreaElement, value: string) => {
  fireEvent.change(textarea, { target: { value, selectionStart: value.length, selectionEnd: value.length } });
};

describe('Composer', () => {
  afterEach(cleanup);

  it('shows who a reply goes to and sends the text with threading left to the server', async () => {
    const { reply, onSent, text } = setup();
    expect(screen.getByTestId('email-computed-recipients').textContent).toBe(
      'To: 陈杰 <jie.chen@example.cn>',
    );
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('Re: 发票问题');
    type(text, '已收到，我们会处理。');
    fireEvent.click(screen.getByTestId('email-send'));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(reply).toHaveBeenCalledWith('m1', {
      mode: 'reply',
      to: [],
      cc: [],
      bcc: [],
      subject: 'Re: 发票问题',
      text: '已收到，我们会处理。',
      quote: true,
      attachments: [],
    });
  });

  it('copies the other recipients on reply-all', () => {
    setup('replyAll');
    expect(screen.getByTestId('email-computed-recipients').textContent).toContain('Cc: boss@example.cn');
  });

  it('needs a recipient to forward, then sends to it with the original attachments', async () => {
    const original = message({
      attachments: [
        {
          id: 'a1',
          filename: '发票.pdf',
          contentType: 'application/pdf',
          size: 10,
          contentId: null,
          inline: false,
        },
      ],
    });
    const { reply, text } = setup('forward', original);
    type(text, 'FYI');
    fireEvent.click(screen.getByTestId('email-send'));
    expect(screen.getByRole('alert').textContent).toBe('Give at least one recipient.');
    expect(reply).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: 'finance@example.com' } });
    fireEvent.click(screen.getByTestId('email-send'));
    await waitFor(() => expect(reply).toHaveBeenCalled());
    expect(reply.mock.calls[0]?.[1]).toMatchObject({
      mode: 'forward',
      to: ['finance@example.com'],
      subject: 'Fwd: 发票问题',
      includeOriginalAttachments: true,
    });
  });

  it('refuses addresses the server would refuse, naming them, and sends nothing', () => {
    const { reply, text } = setup();
    type(text, 'x');
    fireEvent.change(screen.getByLabelText('Cc'), { target: { value: 'ok@example.com, not an address' } });
    fireEvent.click(screen.getByTestId('email-send'));
    expect(screen.getByRole('alert').textContent).toBe('These are not e-mail addresses: not, an, address');
    expect(reply).not.toHaveBeenCalled();
  });

  it('attaches chosen files as base64 and lets the agent remove one before sending', async () => {
    const { reply, text } = setup();
    type(text, 'see attached');
    const input = screen.getByTestId('email-composer-files');
    fireEvent.change(input, {
      target: {
        files: [new File(['收据'], 'receipt.txt', { type: 'text/plain' }), new File(['x'], 'wrong.bin')],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove wrong.bin' }));
    fireEvent.click(screen.getByTestId('email-send'));
    await waitFor(() => expect(reply).toHaveBeenCalled());
    const attachments = reply.mock.calls[0]?.[1].attachments ?? [];
    expect(attachments.map((a) => a.filename)).toEqual(['receipt.txt']);
    expect(
      new TextDecoder().decode(
        Uint8Array.from(atob(attachments[0]?.contentBase64 ?? ''), (c) => c.charCodeAt(0)),
      ),
    ).toBe('收据');
  });

  it('keeps the text and says why when the send fails', async () => {
    const { deps, text } = setup();
    deps.api.reply = vi.fn().mockRejectedValue(new ApiError('UNAVAILABLE', 'relay down', 503));
    type(text, 'draft');
    fireEvent.click(screen.getByTestId('email-send'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Not sent: /));
    expect(text.value).toBe('draft');
  });

  it('opens the canned picker on "/", inserts the chosen text with placeholders filled and unknown ones left visible', async () => {
    const { text, announce } = setup();
    type(text, 'Hello /');
    const search = await screen.findByRole('combobox', { name: 'Search canned responses' });
    await screen.findByText('Greeting');
    fireEvent.change(search, { target: { value: 'gre' } });
    await act(async () => {
      fireEvent.keyDown(search, { key: 'Enter' });
    });
    expect(text.value).toBe('Hello Dear 陈杰, I am Ana. Order {{order.number}}.');
    expect(screen.getByText('Check before sending: {{order.number}} could not be filled in.')).toBeTruthy();
    expect(announce).toHaveBeenCalledWith('Inserted “Greeting”.');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
  });

  it('opens the canned picker with Ctrl+Shift+C too, and Escape leaves the text as it was', async () => {
    const { text } = setup();
    type(text, 'a/b');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    fireEvent.keyDown(text, { key: 'C', ctrlKey: true, shiftKey: true });
    const search = await screen.findByRole('combobox', { name: 'Search canned responses' });
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    expect(text.value).toBe('a/b');
  });

  it('saves the written text as a personal canned response the picker then offers', async () => {
    const { deps, text } = setup();
    const mine: CannedResponse = {
      ...greeting,
      id: 'p1',
      scope: 'personal',
      title: 'My refund text',
      shortcut: 'myrefund',
      body: 'Refunds take 3 days.',
    };
    deps.canned.createPersonal = vi.fn().mockResolvedValue(mine);
    // The list is loaded once (here), so the saved text must join it without a reload.
    fireEvent.keyDown(text, { key: 'C', ctrlKey: true, shiftKey: true });
    await screen.findByText('Greeting');
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search canned responses' }), { key: 'Escape' });
    type(text, 'Refunds take 3 days.');
    fireEvent.click(screen.getByRole('button', { name: 'Save as my canned response' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'My refund text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved “My refund text” to your canned responses.')).toBeTruthy();
    expect(deps.canned.createPersonal).toHaveBeenCalledWith({
      title: 'My refund text',
      body: 'Refunds take 3 days.',
      shortcut: null,
    });
    fireEvent.keyDown(text, { key: 'C', ctrlKey: true, shiftKey: true });
    await screen.findByText('Greeting');
    expect(screen.getByText('My refund text')).toBeTruthy();
    expect(deps.canned.list).toHaveBeenCalledTimes(1);
  });
});
