import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';
import { loginRequestSchema } from '@contract/auth';
import type { AuthApi } from '../api/auth-api';

// The softphone registers with the agent's own Seat credentials (the edge derives its digest HA1
// from the same password). The password is kept in memory only, never stored: after a reload the
// phone asks for it again; the tenant, which is not secret, survives the reload in sessionStorage.

/** Who the phone signs in as. */
export interface PhoneCredentials {
  tenant: string;
  username: string;
  password: string;
}

/** Holds the phone's credentials for this page's life. */
export interface PhoneCredentialStore {
  readonly credentials$: Observable<PhoneCredentials | null>;
  current(): PhoneCredentials | null;
  /** The tenant last signed in to in this tab, for the password prompt after a reload. */
  lastTenant(): string | null;
  remember(credentials: PhoneCredentials): void;
  forget(): void;
}

const tenantKey = 'seat.phone.tenant';

/** A store in memory, with the tenant name in `storage` (sessionStorage in the app). */
export function createPhoneCredentialStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): PhoneCredentialStore {
  const subject = new BehaviorSubject<PhoneCredentials | null>(null);
  return {
    credentials$: subject.asObservable(),
    current: () => subject.value,
    lastTenant: () => storage.getItem(tenantKey),
    remember(credentials) {
      storage.setItem(tenantKey, credentials.tenant);
      subject.next(credentials);
    },
    forget() {
      storage.removeItem(tenantKey);
      subject.next(null);
    },
  };
}

/** The auth API, also handing a successful sign-in's credentials to the phone and forgetting them at sign-out. */
export function rememberPhoneCredentials(auth: AuthApi, store: PhoneCredentialStore): AuthApi {
  return {
    async login(request) {
      const session = await auth.login(request);
      // The contract's own default tenant applies when the form left it out.
      const { tenant, username, password } = loginRequestSchema.parse(request);
      store.remember({ tenant, username, password });
      return session;
    },
    async logout() {
      store.forget();
      await auth.logout();
    },
    me: () => auth.me(),
  };
}
