import { loginResponseSchema } from '@contract/auth';
import type { LoginResponse } from '@contract/auth';

/** A signed-in session: the token, when it expires, and who it belongs to. */
export type Session = LoginResponse;

/** Keeps the session in memory and across reloads of this tab (sessionStorage), never across tabs or restarts. */
export interface SessionStore {
  /** Reads the stored session into memory; null when there is none or it has expired. */
  load(): Session | null;
  /** The session in memory, without touching storage: what each request's token comes from. */
  current(): Session | null;
  save(session: Session): void;
  clear(): void;
}

/** The storage key; exported for tests that look at what was stored. */
export const sessionStorageKey = 'seat.session';

export function createSessionStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  now: () => number,
): SessionStore {
  let inMemory: Session | null = null;
  const forget = () => {
    inMemory = null;
    storage.removeItem(sessionStorageKey);
  };
  return {
    current: () => inMemory,
    load() {
      const raw = storage.getItem(sessionStorageKey);
      if (raw === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        // Someone edited storage by hand: a broken entry is the same as none.
        forget();
        return null;
      }
      const parsed = loginResponseSchema.safeParse(json);
      if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now()) {
        forget();
        return null;
      }
      inMemory = parsed.data;
      return inMemory;
    },
    save(session) {
      inMemory = session;
      storage.setItem(sessionStorageKey, JSON.stringify(session));
    },
    clear: forget,
  };
}
