import type { User } from '@contract/auth';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import { describe, expect, it } from 'vitest';
import type { SeatConnection } from '../ws/seatConnection';
import { createLeadInteractionFeed } from './leadInteractionFeed';

const teams = new Map([
  ['a1', 'pearl'],
  ['a2', 'jade'],
  ['lead1', 'pearl'],
]);

function seat(role: User['role'], agentId: string | null, tenantId = 't1') {
  const sent: ServerMessage[] = [];
  const user: User = { id: `u-${agentId}`, tenantId, username: 'x', displayName: 'X', role, agentId };
  const connection = {
    auth: { user, sessionId: 's', expiresAt: '' },
    send: (m: ServerMessage) => sent.push(m),
  };
  return { connection: connection as unknown as SeatConnection, sent };
}

const interaction = (state: Interaction['state'], agentId: string | null): Interaction => ({
  id: 'i1',
  channel: 'email',
  queueId: 'q1',
  customerId: null,
  state,
  agentId,
  attached: {},
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: 0,
  slaDueAt: null,
});

const summary = (sent: ServerMessage[]) =>
  sent.map((m) =>
    m.type === 'interaction.update'
      ? `${m.interaction.state}:${m.interaction.agentId}`
      : m.type === 'interaction.revoked'
        ? `revoked:${m.reason}`
        : m.type,
  );

describe('lead interaction feed', () => {
  it("sends a lead queued work and their team's, takes work off when it leaves the team, and sends an admin everything", () => {
    const feed = createLeadInteractionFeed({ teamOf: (_t, agentId) => teams.get(agentId) ?? null });
    const lead = seat('team_lead', 'lead1');
    const admin = seat('admin', null);
    const agent = seat('agent', 'a1');
    for (const s of [lead, admin, agent]) feed.add(s.connection);
    feed.changed('t1', 'i1', () => interaction('queued', null));
    feed.changed('t1', 'i1', () => interaction('offered', 'a1'));
    feed.changed('t1', 'i1', () => interaction('active', 'a2'));
    // Out of view already: nothing more about it.
    feed.changed('t1', 'i1', () => interaction('wrapup', 'a2'));
    expect(summary(lead.sent)).toEqual(['queued:null', 'offered:a1', 'revoked:out_of_view']);
    expect(summary(admin.sent)).toEqual(['queued:null', 'offered:a1', 'active:a2', 'wrapup:a2']);
    expect(agent.sent).toEqual([]);
  });

  it('builds no view without a lead of that tenant, and stops sending once the lead is gone', () => {
    const feed = createLeadInteractionFeed({ teamOf: (_t, agentId) => teams.get(agentId) ?? null });
    const lead = seat('team_lead', 'lead1', 'other');
    const stop = feed.add(lead.connection);
    let built = 0;
    feed.changed('t1', 'i1', () => {
      built += 1;
      return interaction('queued', null);
    });
    expect(built).toBe(0);
    stop();
    feed.changed('other', 'i1', () => interaction('queued', null));
    expect(lead.sent).toEqual([]);
  });
});
