import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@contract/ws';
import { createSeatRegistry, type SeatConnection } from './seatRegistry';

const frame: ServerMessage = { type: 'pong', id: 'x' };
const connection = (tenantId: string, agentId: string | null) => {
  const sent: string[] = [];
  const c: SeatConnection = { tenantId, agentId, socket: { send: (d) => sent.push(d) } };
  return { c, sent };
};

describe('seat registry', () => {
  it('sends an agent frame to every socket of that agent and to nobody else', () => {
    const registry = createSeatRegistry();
    const a1 = connection('demo', 'a-1');
    const a1b = connection('demo', 'a-1');
    const a2 = connection('demo', 'a-2');
    const otherTenant = connection('acme', 'a-1');
    for (const x of [a1, a1b, a2, otherTenant]) registry.add(x.c);
    expect(registry.toAgent('demo', 'a-1', frame)).toBe(2);
    expect(a1.sent).toEqual([JSON.stringify(frame)]);
    expect(a1b.sent).toHaveLength(1);
    expect(a2.sent).toHaveLength(0);
    expect(otherTenant.sent).toHaveLength(0);
  });

  it('sends wallboard frames only to subscribers of the same tenant', () => {
    const registry = createSeatRegistry();
    const lead = connection('demo', 'lead');
    const agent = connection('demo', 'a-1');
    const otherLead = connection('acme', 'lead');
    for (const x of [lead, agent, otherLead]) registry.add(x.c);
    registry.subscribeWallboard(lead.c);
    registry.subscribeWallboard(otherLead.c);
    expect(registry.toWallboards('demo', frame)).toBe(1);
    expect(lead.sent).toHaveLength(1);
    expect(agent.sent).toHaveLength(0);
    expect(otherLead.sent).toHaveLength(0);
  });

  it('forgets a connection and its subscription when its disposer runs', () => {
    const registry = createSeatRegistry();
    const lead = connection('demo', 'a-9');
    const remove = registry.add(lead.c);
    registry.subscribeWallboard(lead.c);
    remove();
    expect(registry.toAgent('demo', 'a-9', frame)).toBe(0);
    expect(registry.toWallboards('demo', frame)).toBe(0);
    expect(registry.isConnected('demo', 'a-9')).toBe(false);
    expect(registry.wallboardTenants()).toEqual([]);
  });
});
