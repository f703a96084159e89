import { vi } from 'vitest';
import type { EmailMessage, EmailThread } from '@contract/email';
import type { EmailPaneDeps } from '../email-deps';
import type { EmailSanitizer } from '../sanitize-email-html';

// Test data and fakes shared by the e-mail pane's component tests.

/** An inbound message in Chinese; fields overridable. */
export const message = (over: Partial<EmailMessage> = {}): EmailMessage => ({
  id: 'm1',
  threadId: 't1',
  direction: 'inbound',
  messageId: '<m1@example.cn>',
  from: { address: 'jie.chen@example.cn', name: '陈杰' },
  to: [{ address: 'support@demo.seat.test', name: '' }],
  cc: [],
  subject: '发票问题',
  date: '2026-03-02T08:00:00.000Z',
  receivedAt: '2026-03-02T08:00:01.000Z',
  preview: '您好',
  attachmentCount: 0,
  status: 'received',
  parseProblem: null,
  text: '您好，请看附件。',
  html: null,
  htmlNotes: { removedActiveContent: false, blockedRemoteImages: 0 },
  inReplyTo: null,
  references: [],
  replyTo: null,
  attachments: [],
  error: null,
  ...over,
});

/** A stand-in for DOMPurify (happy-dom cannot run it faithfully): parks or shows one remote image. */
export const fakeSanitizer = (supported = true): EmailSanitizer & { calls: boolean[] } => {
  const calls: boolean[] = [];
  return {
    supported,
    calls,
    sanitize: (html, { allowRemoteImages }) => {
      calls.push(allowRemoteImages);
      const image = allowRemoteImages
        ? '<img src="https://cdn.example/logo.png">'
        : '<img data-seat-remote-src="https://cdn.example/logo.png">';
      return { html: `${html}${image}`, remoteImages: 1, removedActiveContent: false };
    },
  };
};

export const depsWith = (sanitizer: EmailSanitizer, over: Partial<EmailPaneDeps> = {}): EmailPaneDeps => ({
  api: {
    threadOfInteraction: vi.fn(),
    message: vi.fn(),
    reply: vi.fn(),
    download: vi.fn().mockResolvedValue(new Blob(['png'])),
  },
  canned: { list: vi.fn().mockResolvedValue([]), createPersonal: vi.fn() },
  sanitizer,
  openLink: vi.fn(),
  blobUrls: { create: vi.fn(() => 'blob:http://seat.test/1'), revoke: vi.fn() },
  saveFile: vi.fn(),
  ...over,
});

/** A thread of the given messages (summaries are taken from them). */
export const thread = (messages: EmailMessage[], over: Partial<EmailThread> = {}): EmailThread => ({
  id: 't1',
  mailboxId: 'demo-mailbox-support',
  mailboxAddress: 'support@demo.seat.test',
  subject: '发票问题',
  customerId: null,
  interactionId: 'i1',
  createdAt: '2026-03-02T08:00:01.000Z',
  updatedAt: '2026-03-02T08:00:01.000Z',
  messages: messages.map(
    ({
      text: _t,
      html: _h,
      htmlNotes: _n,
      inReplyTo: _i,
      references: _r,
      replyTo: _rt,
      attachments: _a,
      error: _e,
      ...summary
    }) => summary,
  ),
  ...over,
});
