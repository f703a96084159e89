import { describe, expect, it } from 'vitest';
import { createSessionStore, sessionStorageKey } from './session-store';
import type { Session } from './session-store';

const session: Session = {
  token: 'tok',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: {
    id: 'u1',
    tenantId: 'demo',
    username: 'agent01',
    displayName: 'Agent 01',
    role: 'agent',
    agentId: 'a1',
  },
};

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('session store', () => {
  const beforeExpiry = () => Date.parse('2029-12-31T23:00:00.000Z');

  it('gives back the session it saved', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, beforeExpiry);
    store.save(session);
    expect(createSessionStore(storage, beforeExpiry).load()).toEqual(session);
  });

  it('holds the saved or loaded session in memory for the token of each request', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, beforeExpiry);
    expect(store.current()).toBeNull();
    store.save(session);
    expect(store.current()).toEqual(session);
    const reloaded = createSessionStore(storage, beforeExpiry);
    expect(reloaded.current()).toBeNull();
    reloaded.load();
    expect(reloaded.current()?.token).toBe('tok');
  });

  it('forgets the session on clear', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, beforeExpiry);
    store.save(session);
    store.clear();
    expect(store.current()).toBeNull();
    expect(store.load()).toBeNull();
  });

  it('drops an expired session instead of offering it', () => {
    const storage = memoryStorage();
    createSessionStore(storage, beforeExpiry).save(session);
    const later = createSessionStore(storage, () => Date.parse('2030-01-01T00:00:01.000Z'));
    expect(later.load()).toBeNull();
    expect(storage.map.has(sessionStorageKey)).toBe(false);
  });

  it('drops entries that are not JSON or not a session', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, beforeExpiry);
    storage.setItem(sessionStorageKey, '{nope');
    expect(store.load()).toBeNull();
    storage.setItem(sessionStorageKey, JSON.stringify({ token: 1 }));
    expect(store.load()).toBeNull();
    expect(storage.map.size).toBe(0);
  });
});
