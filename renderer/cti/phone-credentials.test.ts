import { describe, expect, it } from 'vitest';
import type { AuthApi } from '../api/auth-api';
import { createPhoneCredentialStore, rememberPhoneCredentials } from './phone-credentials';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const session = {
  token: 't',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: {
    id: 'u',
    tenantId: 'tenant-demo',
    username: 'agent10',
    displayName: 'Ten',
    role: 'agent',
    agentId: 'a',
  },
} as const;

describe('phone credentials', () => {
  it('keeps the password of a successful sign-in in memory and only the tenant in storage', async () => {
    const storage = memoryStorage();
    const store = createPhoneCredentialStore(storage);
    const auth: AuthApi = { login: async () => session, logout: async () => {}, me: async () => session };
    await rememberPhoneCredentials(auth, store).login({ username: 'agent10', password: 'seat-demo' });
    expect(store.current()).toEqual({ tenant: 'demo', username: 'agent10', password: 'seat-demo' });
    expect([...storage.items.values()]).toEqual(['demo']);
  });

  it('remembers nothing when the sign-in fails, and forgets everything at sign-out', async () => {
    const store = createPhoneCredentialStore(memoryStorage());
    const failing: AuthApi = {
      login: async () => {
        throw new Error('BAD_CREDENTIALS');
      },
      logout: async () => {},
      me: async () => session,
    };
    await expect(
      rememberPhoneCredentials(failing, store).login({ username: 'x', password: 'y' }),
    ).rejects.toThrow();
    expect(store.current()).toBeNull();
    store.remember({ tenant: 'demo', username: 'agent10', password: 'p' });
    await rememberPhoneCredentials(failing, store).logout();
    expect(store.current()).toBeNull();
    expect(store.lastTenant()).toBeNull();
  });
});
