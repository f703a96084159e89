import { loginResponseSchema } from '@contract/auth';
import type { LoginResponse } from '@contract/auth';

/** A signed-in session: the token, when it expires, and who it belongs to. */
export type Session = LoginResponse;

/** Keeps the session across reloads of this tab (sessionStorage), never across tabs or restarts. */
export interface SessionStore {
  load(): Session | null;
  save(session: Session): void;
  clear(): void;
}

/** The storage key; exported for tests that look at what was stored. */
export const sessionStorageKey = 'seat.session';

export function createSessionStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  now: () => number,
): SessionStore {
  return {
    load() {
      const raw = storage.getItem(sessionStorageKey);
      if (raw === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        // Someone edited storage by hand: a broken entry is the same as none.
        storage.removeItem(sessionStorageKey);
        return null;
      }
      const parsed = loginResponseSchema.safeParse(json);
      if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now()) {
        storage.removeItem(sessionStorageKey);
        return null;
      }
      return parsed.data;
    },
    save(session) {
      storage.setItem(sessionStorageKey, JSON.stringify(session));
    },
    clear() {
      storage.removeItem(sessionStorageKey);
    },
  };
}
