import { SeatError } from '@contract/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInteractionLog } from './eventLog';
import { agentOf, demoTenant, openRoutingFixture, type RoutingFixture } from './fixture';

const general = 'demo-queue-general';
let f: RoutingFixture;
beforeEach(async () => {
  f = await openRoutingFixture();
});
afterEach(() => f.dispose());

const create = (key: string, extra: Record<string, unknown> = {}) =>
  f.service.create(
    demoTenant,
    { channel: 'voice', queueId: general, attached: { ivr: ['1', '2'], topic: 'bill' }, ...extra },
    key,
  );

const offersTo = (agentId: string) => f.framesTo(agentId).filter((m) => m.type === 'interaction.offer');
const logCount = () => createInteractionLog(f.store.sqlite).count(demoTenant);

describe('interaction service', () => {
  it('offers a new interaction to the ready agent with its attached data, then runs it to a disposition', () => {
    f.service.setAgentState(demoTenant, agentOf(1), 'ready', null, agentOf(1));
    const { interaction, created } = create('key-00000001');
    expect(created).toBe(true);
    const [offer] = offersTo(agentOf(1));
    expect(offer).toMatchObject({
      type: 'interaction.offer',
      interaction: { id: interaction.id, attached: { ivr: ['1', '2'], topic: 'bill' } },
    });
    expect(f.service.accept(demoTenant, interaction.id, agentOf(1)).state).toBe('active');
    expect(f.service.agentStatus(demoTenant, agentOf(1))?.state).toBe('busy');
    expect(f.service.end(demoTenant, interaction.id, agentOf(1)).state).toBe('wrapup');
    const done = f.service.wrapup(demoTenant, interaction.id, agentOf(1), 'resolved');
    expect(done).toMatchObject({ state: 'ended', disposition: 'resolved' });
    expect(f.service.agentStatus(demoTenant, agentOf(1))?.state).toBe('ready');
  });

  it("gives an arrival its routing head start and its queue's SLA deadline, kept across a restart", async () => {
    const gold = f.store.sqlite
      .prepare("SELECT id FROM customers WHERE tenant_id = ? AND tier = 'gold' ORDER BY id LIMIT 1")
      .get(demoTenant) as { id: string };
    const plain = create('key-00000010').interaction;
    const golden = create('key-00000011', { customerId: gold.id }).interaction;
    // General's service level is 20 s; the default priority classes give gold customers 600 s.
    const due = new Date(f.clock.now + 20_000).toISOString();
    expect(plain).toMatchObject({ priority: 0, slaDueAt: due });
    expect(golden).toMatchObject({ priority: 600, slaDueAt: due });
    await f.restart();
    expect(f.service.get(demoTenant, golden.id)).toMatchObject({ priority: 600, slaDueAt: due });
    expect(f.service.list(demoTenant, ['queued'], 10).map((i) => i.priority)).toEqual([600, 0]);
  });

  it("lists a team's view: every queued interaction, and only the offered or held work of the team's agents", () => {
    expect(f.service.teamOf(demoTenant, agentOf(1))).toBe('demo-team-1');
    expect(f.service.teamOf(demoTenant, agentOf(13))).toBe('demo-team-2');
    expect(f.service.teamAgents(demoTenant, 'demo-team-1')).toContain(agentOf(1));
    f.service.setAgentState(demoTenant, agentOf(1), 'ready', null, agentOf(1));
    const offered = create('key-00000020', { channel: 'sms' }).interaction;
    const waiting = create('key-00000021').interaction;
    expect(offered).toMatchObject({ state: 'offered', agentId: agentOf(1) });
    const live = ['queued', 'offered', 'active'] as const;
    const ids = (agents: string[]) => f.service.list(demoTenant, live, 10, agents).map((i) => i.id);
    expect(ids(f.service.teamAgents(demoTenant, 'demo-team-1'))).toEqual([waiting.id, offered.id]);
    expect(ids(f.service.teamAgents(demoTenant, 'demo-team-2'))).toEqual([waiting.id]);
    expect(ids([])).toEqual([waiting.id]);
  });

  it('returns the original interaction for a retried create with the same key and queues it once', () => {
    const first = create('key-00000002');
    const again = create('key-00000002');
    expect(again).toEqual({ interaction: first.interaction, created: false });
    expect(f.service.queueLive(demoTenant, general).waiting).toBe(1);
    expect(() => create('key-00000002', { channel: 'sms' })).toThrow(SeatError);
  });

  it('changes neither state nor log when a call is refused', () => {
    const { interaction } = create('key-00000003');
    const before = { log: logCount(), snapshot: JSON.stringify(f.service.snapshot(demoTenant).engine) };
    const refusals: Array<() => unknown> = [
      () => f.service.accept(demoTenant, interaction.id, agentOf(2)),
      () =>
        f.service.create(
          demoTenant,
          { channel: 'voice', queueId: 'no-such-queue', attached: {} },
          'key-00000004',
        ),
      () => f.service.setAgentState(demoTenant, 'no-such-agent', 'ready', null, 'x'),
      () => f.service.setAgentState(demoTenant, agentOf(2), 'not_ready', 'napping', agentOf(2)),
      () => f.service.updateQueueRouting(demoTenant, general, { offerTimeoutSeconds: -5 }),
      () => f.service.updateQueueRouting(demoTenant, general, { wrapupSeconds: 1e12 }),
      () => f.service.wrapup(demoTenant, interaction.id, agentOf(2), 'resolved'),
    ];
    for (const refuse of refusals) expect(refuse).toThrow(SeatError);
    expect(logCount()).toBe(before.log);
    expect(JSON.stringify(f.service.snapshot(demoTenant).engine)).toBe(before.snapshot);
  });

  it('moves an unanswered offer to the next agent and sets the first one not ready with reason missed', async () => {
    f.service.updateQueueRouting(demoTenant, general, { offerTimeoutSeconds: 5 });
    f.service.setAgentState(demoTenant, agentOf(1), 'ready', null, agentOf(1));
    f.clock.now += 1000;
    f.service.setAgentState(demoTenant, agentOf(2), 'ready', null, agentOf(2));
    const { interaction } = create('key-00000005');
    const firstAgent = offersTo(agentOf(1)).length === 1 ? agentOf(1) : agentOf(2);
    const secondAgent = firstAgent === agentOf(1) ? agentOf(2) : agentOf(1);
    f.scheduler.advanceTo(f.clock.now + 5_001);
    await f.settle();
    expect(f.framesTo(firstAgent)).toContainEqual({
      type: 'interaction.revoked',
      interactionId: interaction.id,
      reason: 'timeout',
    });
    expect(f.service.agentStatus(demoTenant, firstAgent)).toMatchObject({
      state: 'not_ready',
      reason: 'missed',
    });
    expect(offersTo(secondAgent)).toHaveLength(1);
    expect(() => f.service.accept(demoTenant, interaction.id, firstAgent)).toThrow(SeatError);
  });

  it('rebuilds the same engine state, offers and figures from the log after a restart', async () => {
    f.service.setAgentState(demoTenant, agentOf(3), 'ready', null, agentOf(3));
    for (let i = 0; i < 5; i++) create(`key-1000000${i}`);
    const offered = f.service.resumeFrames(demoTenant, agentOf(3));
    const before = f.service.snapshot(demoTenant);
    const waitingBefore = f.stats
      .snapshot(demoTenant, f.clock.now)
      .queues.find((q) => q.queueId === general)?.waiting;
    const service = await f.restart();
    const after = service.snapshot(demoTenant);
    expect(after).toEqual(before);
    expect(service.resumeFrames(demoTenant, agentOf(3))).toEqual(offered);
    expect(f.stats.snapshot(demoTenant, f.clock.now).queues.find((q) => q.queueId === general)?.waiting).toBe(
      waitingBefore,
    );
    expect(create('key-10000002').created).toBe(false);
  });

  it('keeps an agent on a call of its own busy and unoffered, logs the call, and offers queued work once it ends', () => {
    const agent = agentOf(4);
    f.service.setAgentState(demoTenant, agent, 'ready', null, agent);
    const logged = logCount();
    f.service.agentCall(demoTenant, agent, 'call-1', 'start');
    expect(logCount()).toBe(logged + 1);
    expect(f.service.agentStatus(demoTenant, agent)?.state).toBe('busy');
    const { interaction } = create('key-20000001');
    expect(offersTo(agent)).toEqual([]);
    f.service.agentCall(demoTenant, agent, 'call-1', 'end');
    expect(offersTo(agent)).toMatchObject([{ interaction: { id: interaction.id } }]);
    const unknown = (() => {
      try {
        f.service.agentCall(demoTenant, 'nobody', 'call-2', 'start');
      } catch (error) {
        return error;
      }
    })();
    expect(unknown).toMatchObject({ name: 'SeatError', code: 'UNKNOWN_AGENT' });
  });

  it('takes agents off their own calls after a restart, since no call survives one, and logs that', async () => {
    const agent = agentOf(4);
    f.service.setAgentState(demoTenant, agent, 'ready', null, agent);
    f.service.agentCall(demoTenant, agent, 'call-1', 'start');
    const { interaction } = create('key-20000002');
    const service = await f.restart();
    expect(service.agentStatus(demoTenant, agent)?.state).toBe('reserved');
    expect(service.get(demoTenant, interaction.id)).toMatchObject({ state: 'offered', agentId: agent });
    const events = [...createInteractionLog(f.store.sqlite).read(demoTenant)].map(
      (e) => e.event as { type: string; agentId?: string; callId?: string },
    );
    expect(events.at(-1)).toMatchObject({ type: 'agent_call_end', agentId: agent, callId: 'call-1' });
    // A second restart replays that end and finds nothing left to end.
    const count = logCount();
    await f.restart();
    expect(logCount()).toBe(count);
  });
});
