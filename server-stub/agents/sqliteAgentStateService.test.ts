import { SeatError } from '@contract/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeatStore } from '../store/database';
import { createSeededStore } from '../testing/seededStore';
import type { AgentStateChange } from './agentStateService';
import { createSqliteAgentStateService } from './sqliteAgentStateService';

const tenant = 'tenant-demo';
let clock = Date.parse('2026-03-02T09:00:00Z');
let store: SeatStore;
let dispose: () => Promise<void>;

beforeEach(async () => {
  ({ store, dispose } = await createSeededStore(() => clock));
});
afterEach(() => dispose());

describe('SQLite agent state service', () => {
  it('starts seeded agents logged out', async () => {
    const service = createSqliteAgentStateService(store.db, () => clock);
    expect(await service.get(tenant, 'demo-agent-agent01')).toMatchObject({
      state: 'logged_out',
      reason: null,
    });
  });

  it('persists an accepted change with the injected time and tells subscribers', async () => {
    const service = createSqliteAgentStateService(store.db, () => clock);
    const seen: AgentStateChange[] = [];
    const stop = service.onChange((c) => seen.push(c));
    clock += 1000;
    const { status, changed } = await service.request(tenant, 'demo-agent-agent01', {
      state: 'not_ready',
      reason: 'lunch',
    });
    stop();
    expect(changed).toBe(true);
    expect(status).toEqual({
      agentId: 'demo-agent-agent01',
      state: 'not_ready',
      reason: 'lunch',
      since: new Date(clock).toISOString(),
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.previous.state).toBe('logged_out');

    const fresh = createSqliteAgentStateService(store.db, () => clock);
    expect(await fresh.get(tenant, 'demo-agent-agent01')).toEqual(status);
  });

  it('leaves the stored state alone and tells nobody when the request is refused or a no-op', async () => {
    const service = createSqliteAgentStateService(store.db, () => clock);
    await service.request(tenant, 'demo-agent-agent02', { state: 'ready' });
    const seen: AgentStateChange[] = [];
    service.onChange((c) => seen.push(c));
    await expect(
      service.request(tenant, 'demo-agent-agent02', { state: 'not_ready', reason: 'nap' }),
    ).rejects.toBeInstanceOf(SeatError);
    expect((await service.request(tenant, 'demo-agent-agent02', { state: 'ready' })).changed).toBe(false);
    expect(seen).toEqual([]);
    expect((await service.get(tenant, 'demo-agent-agent02')).state).toBe('ready');
  });

  it('does not find an agent of another tenant', async () => {
    const service = createSqliteAgentStateService(store.db, () => clock);
    await expect(service.get('another-tenant', 'demo-agent-agent01')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
