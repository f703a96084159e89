import { describe, expect, it } from 'vitest';
import {
  attachedDataSchema,
  blacklistDecisionRequestSchema,
  blacklistLimitsSchema,
  createInteractionRequestSchema,
  interactionSchema,
  transferRequestSchema,
} from './routing';
import { clientMessageSchema, serverMessageSchema } from './ws';

describe('routing contract', () => {
  it('accepts a minimal create request and fills attached data with an empty object', () => {
    const parsed = createInteractionRequestSchema.parse({ channel: 'voice', queueId: 'q-general' });
    expect(parsed.attached).toEqual({});
  });

  it('refuses unknown fields, unknown channels and malformed boosts in a create request', () => {
    expect(
      createInteractionRequestSchema.safeParse({ channel: 'voice', queueId: 'q', extra: 1 }).success,
    ).toBe(false);
    expect(createInteractionRequestSchema.safeParse({ channel: 'pigeon', queueId: 'q' }).success).toBe(false);
    expect(
      createInteractionRequestSchema.safeParse({ channel: 'sms', queueId: 'q', boosts: ['has space'] })
        .success,
    ).toBe(false);
    expect(
      createInteractionRequestSchema.safeParse({ channel: 'sms', queueId: 'q', boosts: Array(21).fill('b') })
        .success,
    ).toBe(false);
  });

  it('refuses attached data larger than 16 KiB', () => {
    expect(attachedDataSchema.safeParse({ blob: 'x'.repeat(17 * 1024) }).success).toBe(false);
    expect(attachedDataSchema.safeParse({ ivr: ['1', '3'], page: '/billing' }).success).toBe(true);
  });

  it('names a transfer target as either a queue or an agent, nothing else', () => {
    expect(transferRequestSchema.safeParse({ to: { kind: 'queue', queueId: 'q-billing' } }).success).toBe(
      true,
    );
    expect(transferRequestSchema.safeParse({ to: { kind: 'agent', agentId: 'a-01' } }).success).toBe(true);
    expect(transferRequestSchema.safeParse({ to: { kind: 'team', teamId: 't' } }).success).toBe(false);
  });

  it('refuses blacklist hours that end before they start', () => {
    expect(blacklistLimitsSchema.safeParse({ allowedHours: { from: 18, to: 9 } }).success).toBe(false);
    expect(
      blacklistDecisionRequestSchema.safeParse({ decision: 'confirm', limits: { maxPerDay: 2 } }).success,
    ).toBe(true);
  });

  it('carries the new interaction and wallboard frames in the seat WebSocket unions', () => {
    expect(
      clientMessageSchema.safeParse({ type: 'interaction.accept', id: '1', interactionId: 'i-1' }).success,
    ).toBe(true);
    expect(
      clientMessageSchema.safeParse({
        type: 'interaction.wrapup',
        id: '1',
        interactionId: 'i-1',
        disposition: 'Bad Code',
      }).success,
    ).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'wallboard.subscribe', id: '2' }).success).toBe(true);
    const snapshot = {
      at: new Date(0).toISOString(),
      queues: [{ queueId: 'q', waiting: 2, sl: 0.9 }],
      agents: [],
    };
    expect(serverMessageSchema.safeParse({ type: 'wallboard.snapshot', snapshot }).success).toBe(true);
  });

  it('puts the routing priority and the SLA deadline on every interaction, null when unknown', () => {
    const interaction = {
      id: 'i-1',
      channel: 'email',
      queueId: 'q',
      customerId: null,
      state: 'queued',
      agentId: null,
      attached: {},
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-01T10:00:00.000Z',
      estimatedWaitSeconds: null,
      position: null,
      disposition: null,
      releaseReason: null,
      priority: 600,
      slaDueAt: '2026-01-01T10:00:20.000Z',
    };
    expect(interactionSchema.safeParse(interaction).success).toBe(true);
    expect(interactionSchema.safeParse({ ...interaction, priority: null, slaDueAt: null }).success).toBe(
      true,
    );
    const { priority: _priority, ...withoutPriority } = interaction;
    expect(interactionSchema.safeParse(withoutPriority).success).toBe(false);
    expect(interactionSchema.safeParse({ ...interaction, priority: -1 }).success).toBe(false);
    expect(interactionSchema.safeParse({ ...interaction, slaDueAt: 'soon' }).success).toBe(false);
  });
});
