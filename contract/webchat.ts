import { z } from 'zod';
import { errorBodySchema } from './errors';

// Wire schemas of the customer-facing web chat (the widget): the pre-chat form, the customer's
// socket GET /webchat/ws?chatId=…&key=…&after=<seq>, attachments, and the transcript as the seat's
// customer view reads it. The flow follows the web-access patent: the customer queues a chat with
// the skill (topic) it needs; the router picks an idle qualified agent; the server sends that seat a
// begin-of-service notice naming the customer's chat identity and a one-time token, and sends the
// customer the same token as the queuing result; the customer joins with it; the seat accepts the
// join only if it matches the notice, and the server checks the token too (single use, bound to
// agent + chat + interaction, expiring).

/** Largest chat message text, in characters. */
export const maxChatMessageChars = 2000;
/** Largest attachment, in bytes (before base64). */
export const maxChatAttachmentBytes = 5 * 1024 * 1024;
/** Largest customer socket frame, in bytes. */
export const maxWebchatFrameBytes = 16 * 1024;
/** Attachment types accepted; the bytes are sniffed, a name or declared type alone is not trusted. */
export const chatAttachmentTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
] as const;
export const chatAttachmentTypeSchema = z.enum(chatAttachmentTypes);
export type ChatAttachmentType = z.infer<typeof chatAttachmentTypeSchema>;

/** A chat's id: the customer's chat identity the begin-of-service notice names. */
export const chatIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a chat id');
/** The secret that lets the customer's page (re)open its chat socket; given once when the chat starts. */
export const chatKeySchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'a chat key');
/** A one-time join token (base64url). */
export const chatTokenSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'a join token');
/** A client-chosen id of a message, so a resend after a network drop is recognised and not stored twice. */
export const chatClientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'a client message id');

/** One topic of the pre-chat form; each is served by one queue (and so by its skills). */
export const chatTopicSchema = z.object({ id: z.string(), label: z.string(), queueId: z.string() });
export type ChatTopic = z.infer<typeof chatTopicSchema>;

/** GET /webchat/topics reply. */
export const chatTopicsResponseSchema = z.object({ topics: z.array(chatTopicSchema) });
export type ChatTopicsResponse = z.infer<typeof chatTopicsResponseSchema>;

/** POST /webchat/chats body: the pre-chat form. */
export const startChatRequestSchema = z
  .object({
    /** Tenant id or slug of the centre the widget belongs to (the demo page: `demo`). */
    tenantId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._:-]+$/),
    name: z.string().trim().min(1).max(100),
    /** An e-mail address or a phone number; matched against customers' contact points. */
    contact: z.string().trim().min(3).max(254),
    topic: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9_-]+$/),
    /** Send the transcript to `contact` (an e-mail address) when the chat ends. */
    emailTranscript: z.boolean().default(false),
  })
  .strict();
export type StartChatRequest = z.input<typeof startChatRequestSchema>;

/** POST /webchat/chats reply (201). */
export const startChatResponseSchema = z.object({
  chatId: z.string(),
  /** Keep it: it opens the socket again after a reload or a network drop. */
  chatKey: z.string(),
  interactionId: z.string(),
  /** Path of the customer's socket (add ?chatId=&key=&after=). */
  socketPath: z.string(),
});
export type StartChatResponse = z.infer<typeof startChatResponseSchema>;

/** Metadata of one stored attachment; the bytes are downloaded separately. */
export const chatAttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: chatAttachmentTypeSchema,
  size: z.number().int().nonnegative(),
});
export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

/** POST /webchat/chats/:chatId/attachments (header X-Chat-Key) and POST /api/chats/:chatId/attachments body. */
export const uploadChatAttachmentRequestSchema = z
  .object({
    filename: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\r\n\\/\0]+$/, 'a file name without path or line breaks'),
    contentType: z.string().min(3).max(127),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil((maxChatAttachmentBytes * 4) / 3) + 8)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();
export type UploadChatAttachmentRequest = z.infer<typeof uploadChatAttachmentRequestSchema>;

/** Attachment upload reply (201): send the id in a message to share it. */
export const uploadChatAttachmentResponseSchema = z.object({ attachment: chatAttachmentSchema });

/** Who wrote a chat message. */
export const chatAuthorSchema = z.enum(['customer', 'agent', 'system']);
export type ChatAuthor = z.infer<typeof chatAuthorSchema>;

/** One stored chat message; `seq` orders a chat and is what a reconnecting page resumes after. */
export const chatMessageSchema = z.object({
  seq: z.number().int().positive(),
  author: chatAuthorSchema,
  /** The agent who wrote it (author agent), else null. */
  agentId: z.string().nullable(),
  /** Display name of the writer: the customer's name, the agent's name, or null for system lines. */
  authorName: z.string().nullable(),
  text: z.string(),
  attachment: chatAttachmentSchema.nullable(),
  clientId: z.string().nullable(),
  sentAt: z.string().datetime(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Chat states as the customer sees them. */
export const chatStates = ['queued', 'connecting', 'active', 'ended'] as const;
export const chatStateSchema = z.enum(chatStates);
export type ChatState = z.infer<typeof chatStateSchema>;

/** One chat with its whole transcript (the seat's customer view, GET /api/chats/:chatId). */
export const chatTranscriptSchema = z.object({
  chatId: z.string(),
  interactionId: z.string(),
  customerId: z.string().nullable(),
  name: z.string(),
  contact: z.string(),
  topic: z.string(),
  queueId: z.string(),
  state: chatStateSchema,
  startedAt: z.string().datetime(),
  endedAt: z.string().datetime().nullable(),
  /** Agents who served it, in order (a transfer adds one). */
  agentIds: z.array(z.string()),
  messages: z.array(chatMessageSchema),
});
export type ChatTranscript = z.infer<typeof chatTranscriptSchema>;

/** GET /api/customers/:id/chats reply: the customer's chats, newest first. */
export const customerChatsResponseSchema = z.object({ chats: z.array(chatTranscriptSchema) });
export type CustomerChatsResponse = z.infer<typeof customerChatsResponseSchema>;

/** GET /api/chats/:chatId reply. */
export const chatTranscriptResponseSchema = z.object({ chat: chatTranscriptSchema });

/** Frames the customer's page sends on its socket. */
export const webchatClientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }).strict(),
  /** Opens the chat to the assigned agent with the one-time token of the queuing result. */
  z.object({ type: z.literal('join'), token: chatTokenSchema }).strict(),
  z
    .object({
      type: z.literal('message'),
      clientId: chatClientIdSchema,
      text: z.string().max(maxChatMessageChars),
      attachmentId: z.string().min(1).max(64).optional(),
    })
    .strict(),
  z.object({ type: z.literal('typing'), active: z.boolean() }).strict(),
  /** The customer has seen every agent message up to `seq`. */
  z.object({ type: z.literal('read'), seq: z.number().int().positive() }).strict(),
  /** The customer leaves; `emailTranscript` overrides the pre-chat choice. */
  z.object({ type: z.literal('end'), emailTranscript: z.boolean().optional() }).strict(),
]);
export type WebchatClientFrame = z.infer<typeof webchatClientFrameSchema>;

/** Frames the server sends to the customer's page. */
export const webchatServerFrameSchema = z.discriminatedUnion('type', [
  /** First frame: the chat as it stands; messages after the page's `after` follow as `message` frames. */
  z.object({
    type: z.literal('welcome'),
    chatId: z.string(),
    state: chatStateSchema,
    agentName: z.string().nullable(),
    lastSeq: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('pong') }),
  /** Waiting: position in the queue (1-based) and the estimated wait, sent when either changes. */
  z.object({
    type: z.literal('queue'),
    position: z.number().int().positive().nullable(),
    estimatedWaitSeconds: z.number().nonnegative().nullable(),
  }),
  /** The queuing result: an agent was picked; join with this token before `expiresAt`. */
  z.object({
    type: z.literal('assigned'),
    agentName: z.string(),
    token: z.string(),
    expiresAt: z.string().datetime(),
  }),
  /** The agent accepted the join: the chat is live. */
  z.object({ type: z.literal('active'), agentName: z.string() }),
  /** The agent passed the chat on (transfer, reject, no answer): waiting again, transcript kept. */
  z.object({ type: z.literal('requeued'), reason: z.string() }),
  z.object({ type: z.literal('message'), message: chatMessageSchema }),
  /** The server stored the page's message `clientId` as `seq` (shown as "sent"). */
  z.object({ type: z.literal('stored'), clientId: z.string(), seq: z.number().int().positive() }),
  /** The agent's seat got (delivered) or the agent saw (read) every customer message up to `seq`. */
  z.object({
    type: z.literal('receipt'),
    kind: z.enum(['delivered', 'read']),
    seq: z.number().int().positive(),
  }),
  z.object({ type: z.literal('typing'), active: z.boolean() }),
  z.object({
    type: z.literal('ended'),
    by: z.enum(['customer', 'agent', 'system']),
    /** Whether a transcript e-mail is on its way. */
    transcriptEmailed: z.boolean(),
  }),
  /**
   * A refusal. `clientId` names the page's message it refuses (rate limit, too long, ended chat…), so
   * the page marks that message failed instead of keeping it pending; absent for other frames.
   */
  z
    .object({ type: z.literal('error'), clientId: z.string().max(64).optional() })
    .extend(errorBodySchema.shape),
]);
export type WebchatServerFrame = z.infer<typeof webchatServerFrameSchema>;

// Seat-side frames of the chat (added to the seat socket unions in ws.ts).

const seatFrameId = z.string().max(64);
const interactionIdField = z.string().min(1).max(64);

/** Seat → server: the customer's join matched the begin-of-service notice; accept it (the server checks the token again). */
export const chatAcceptFrameSchema = z
  .object({
    type: z.literal('chat.accept'),
    id: seatFrameId,
    interactionId: interactionIdField,
    token: chatTokenSchema,
  })
  .strict();
/** Seat → server: the join did not match the notice, or the agent declines; the chat goes back to its queue. */
export const chatRejectFrameSchema = z
  .object({
    type: z.literal('chat.reject'),
    id: seatFrameId,
    interactionId: interactionIdField,
    reason: z.string().min(1).max(64).optional(),
  })
  .strict();
/** Seat → server: a message to the customer of an active chat the agent holds. */
export const chatSendFrameSchema = z
  .object({
    type: z.literal('chat.send'),
    id: seatFrameId,
    interactionId: interactionIdField,
    clientId: chatClientIdSchema,
    text: z.string().max(maxChatMessageChars),
    attachmentId: z.string().min(1).max(64).optional(),
  })
  .strict();
/** Seat → server: the agent is typing (true) or stopped (false). */
export const chatTypingFrameSchema = z
  .object({
    type: z.literal('chat.typing'),
    id: seatFrameId,
    interactionId: interactionIdField,
    active: z.boolean(),
  })
  .strict();
/** Seat → server: the agent has seen every customer message up to `seq`. */
export const chatReadFrameSchema = z
  .object({
    type: z.literal('chat.read'),
    id: seatFrameId,
    interactionId: interactionIdField,
    seq: z.number().int().positive(),
  })
  .strict();
/** Seat → server: send me the whole transcript again (answered with `chat.transcript`). */
export const chatHistoryFrameSchema = z
  .object({ type: z.literal('chat.history'), id: seatFrameId, interactionId: interactionIdField })
  .strict();

/** Server → seat: the begin-of-service notice. The router picked this agent for the chat `chatId`; the customer will join with `token`. */
export const chatBeginFrameSchema = z.object({
  type: z.literal('chat.begin'),
  interactionId: z.string(),
  chatId: z.string(),
  customer: z.object({
    name: z.string(),
    contact: z.string(),
    topic: z.string(),
    customerId: z.string().nullable(),
  }),
  token: z.string(),
  expiresAt: z.string().datetime(),
});
/** Server → seat: the customer's join arrived (the server already checked its token); compare it with the notice and answer chat.accept or chat.reject. */
export const chatJoinFrameSchema = z.object({
  type: z.literal('chat.join'),
  interactionId: z.string(),
  chatId: z.string(),
  token: z.string(),
});
/** Server → seat: alert, a join for a chat offered to this agent was refused (wrong, reused or expired token); nothing changed. */
export const chatJoinRefusedFrameSchema = z.object({
  type: z.literal('chat.joinRefused'),
  interactionId: z.string(),
  chatId: z.string(),
  code: z.string(),
  reason: z.string(),
});
/** Server → seat: the whole transcript (on acceptance, after a transfer, on reconnect, on chat.history). */
export const chatTranscriptFrameSchema = z.object({
  type: z.literal('chat.transcript'),
  interactionId: z.string(),
  chatId: z.string(),
  messages: z.array(chatMessageSchema),
});
/** Server → seat: one new message in a chat the agent holds (the agent's own come back with their seq too). */
export const chatMessageFrameSchema = z.object({
  type: z.literal('chat.message'),
  interactionId: z.string(),
  chatId: z.string(),
  message: chatMessageSchema,
});
/** Server → seat: the customer is typing or stopped. */
export const chatCustomerTypingFrameSchema = z.object({
  type: z.literal('chat.typing'),
  interactionId: z.string(),
  active: z.boolean(),
});
/** Server → seat: the customer's page got (delivered) or the customer saw (read) every agent message up to `seq`. */
export const chatReceiptFrameSchema = z.object({
  type: z.literal('chat.receipt'),
  interactionId: z.string(),
  kind: z.enum(['delivered', 'read']),
  seq: z.number().int().positive(),
});
/** Server → seat: the customer left the chat (or their page is gone for good). */
export const chatCustomerLeftFrameSchema = z.object({
  type: z.literal('chat.customerLeft'),
  interactionId: z.string(),
  chatId: z.string(),
});
