import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { User } from '@contract/auth';
import type { NotificationRequest } from '@contract/ipc/channels';
import type { Settings, SettingsPatch, SoftphoneSettings } from '@contract/ipc/settings';
import type { ServerMessage } from '@contract/ws';
import type { OutgoingMessage } from '../api/seat-socket';
import { softphoneAccount } from './account';
import { can } from './call-model';
import type { CallLeg } from './call-model';
import type { PhoneCredentialStore } from './phone-credentials';
import type { Softphone } from './softphone';

// One agent's CTI for the life of the shell: starts the softphone with the agent's credentials and
// settings, follows the seat socket for wrap-up, raises a notification that answers on click, and
// names the customer to pop on each incoming call. When the settings name a SIP username of its own
// (an account on another SIP server), the Seat password is not that account's: the agent types it,
// and it is kept in this session's memory only, for that account only.

/** What the host offers the CTI: settings (audio devices) and notifications. */
export interface CtiHost {
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  showNotification(request: NotificationRequest): Promise<null>;
  closeNotification(id: string): Promise<null>;
  onNotificationClicked(listener: (event: { id: string }) => void): () => void;
}

/** What the CTI session needs. */
export interface CtiSessionDeps {
  user: User;
  phone: Softphone;
  socket: { messages$: Observable<ServerMessage>; request(message: OutgoingMessage): Promise<void> };
  host: CtiHost;
  credentials: PhoneCredentialStore;
  /** The Seat server's URL (the SIP edge is its /sip). */
  serverUrl: string;
  /**
   * False in the web seat: its server's CSP allows only that server, so the phone registers with
   * its edge whatever SIP server the settings name.
   */
  canChooseSipServer: boolean;
  /** The notification's words for a ringing call, in the agent's language. */
  describeCall: (leg: CallLeg) => { title: string; body: string };
  warn: (message: string, detail?: unknown) => void;
}

/** The running CTI of one shell. */
export interface CtiSession {
  readonly phone: Softphone;
  /** The customer of the latest incoming call (the screen pop), null before any. */
  readonly screenPop$: Observable<string | null>;
  /** The settings as last read, for the device choice. */
  readonly settings$: Observable<Settings | null>;
  /** True while the phone has no password to register with (after a reload, or for a new SIP account). */
  readonly needsPassword$: Observable<boolean>;
  /** True when the SIP server refused the password typed for the settings' SIP account: asked again. */
  readonly passwordRefused$: Observable<boolean>;
  /** Registers with a typed password: the Seat one after a reload, or the settings' SIP account's. */
  signInPhone(password: string): void;
  /**
   * Answers (or declines) the ringing call that carries a routed voice offer, as the inbox's Accept
   * and Reject do: a call is accepted only by answering it, and a decline tells the edge to re-queue.
   * Resolves false when no such call rings on this phone.
   */
  answerOffer(interactionId: string, how: 'answer' | 'decline'): Promise<boolean>;
  wrapup(disposition: string): Promise<void>;
  saveDevices(audio: Partial<Settings['audio']>): Promise<void>;
  /** Saves where and as whom the phone registers, and registers again with the new account. */
  saveLine(softphone: SoftphoneSettings): Promise<void>;
  /** Starts everything; returns the disposer. */
  start(): () => void;
}

const notificationPrefix = 'call-';

// The fields that name the SIP account; a password typed for one account is never sent to another.
const accountKey = (softphone: SoftphoneSettings) =>
  JSON.stringify([softphone.sipServerUrl, softphone.sipDomain, softphone.sipUsername]);

// JsSIP's causes for a REGISTER answered 401/407 after the digest, or 403: the password is wrong.
const refusedCauses = new Set(['Authentication Error', 'Rejected']);

/** Builds the session (nothing runs until `start`). */
export function createCtiSession(deps: CtiSessionDeps): CtiSession {
  const { phone, user, host, credentials } = deps;
  const screenPop = new BehaviorSubject<string | null>(null);
  const settings = new BehaviorSubject<Settings | null>(null);
  const needsPassword = new BehaviorSubject<boolean>(false);
  const passwordRefused = new BehaviorSubject<boolean>(false);
  // The typed password of the settings' own SIP account, with the account it was typed for.
  let sipPassword: { account: string; password: string } | null = null;
  let running = false;
  let stopPhone: (() => void) | null = null;

  /** Who the phone signs in as under these settings, or null while a password is missing. */
  const phoneCredentials = (softphone: SoftphoneSettings) => {
    const seat = credentials.current();
    const tenant = seat?.tenant ?? credentials.lastTenant();
    // No tenant means signed out in this tab: no account of any kind registers then.
    if (!tenant) return null;
    if (softphone.sipUsername === null) return seat;
    if (sipPassword?.account !== accountKey(softphone)) return null;
    return { tenant, username: softphone.sipUsername, password: sipPassword.password };
  };

  const startPhone = (current: Settings | null) => {
    stopPhone?.();
    stopPhone = null;
    if (!running || !current) return;
    const known = phoneCredentials(current.softphone);
    needsPassword.next(!known);
    if (!known) return;
    const line = deps.canChooseSipServer ? current.softphone : { ...current.softphone, sipServerUrl: null };
    stopPhone = phone.start(softphoneAccount(line, deps.serverUrl, known, user.displayName));
  };

  const applySettings = (next: Settings) => {
    settings.next(next);
    phone.setDevices(next.audio);
  };

  /** Takes settings read, saved here or changed elsewhere; a changed phone line registers again. */
  const settingsArrived = (next: Settings) => {
    const before = settings.value?.softphone;
    applySettings(next);
    if (JSON.stringify(before) === JSON.stringify(next.softphone)) return;
    if (sipPassword && sipPassword.account !== accountKey(next.softphone)) {
      sipPassword = null;
      passwordRefused.next(false);
    }
    startPhone(next);
  };

  return {
    phone,
    screenPop$: screenPop.asObservable(),
    settings$: settings.asObservable(),
    needsPassword$: needsPassword.asObservable(),
    passwordRefused$: passwordRefused.asObservable(),

    signInPhone(password) {
      const current = settings.value;
      if (!password) return;
      if (current && current.softphone.sipUsername !== null) {
        sipPassword = { account: accountKey(current.softphone), password };
        passwordRefused.next(false);
        return startPhone(current);
      }
      const tenant = credentials.lastTenant();
      if (!tenant) return;
      credentials.remember({ tenant, username: user.username, password });
    },

    async answerOffer(interactionId, how) {
      const leg = phone.state.primary;
      const action = how === 'answer' ? 'answer' : 'reject';
      if (leg?.interactionId !== interactionId || !can(phone.state, action)) return false;
      await (how === 'answer' ? phone.answer() : phone.reject());
      return true;
    },

    async wrapup(disposition) {
      const pending = phone.state.wrapup;
      if (!pending || !can(phone.state, 'wrapup')) return;
      await deps.socket.request({
        type: 'interaction.wrapup',
        interactionId: pending.interactionId,
        disposition,
      });
      // The ack means the router recorded it; the update frame that follows may be filtered out.
      phone.wrapupFinished(pending.interactionId);
    },

    async saveDevices(audio) {
      applySettings(await host.setSettings({ audio }));
    },

    async saveLine(softphone) {
      settingsArrived(await host.setSettings({ softphone }));
    },

    start() {
      running = true;
      void host.getSettings().then(
        (loaded) => {
          if (!running) return;
          applySettings(loaded);
          startPhone(loaded);
        },
        (error: unknown) => deps.warn('settings could not be read; the phone waits for them', error),
      );
      const stopSettings = host.onSettingsChanged(settingsArrived);
      const credentialChanges = credentials.credentials$.subscribe(() => {
        if (settings.value) startPhone(settings.value);
      });
      // A typo in the SIP account's password would otherwise leave the line failed until a reload.
      const refusals = phone.registrationFailures$.subscribe((cause) => {
        const current = settings.value;
        if (!refusedCauses.has(cause) || !sipPassword || current?.softphone.sipUsername == null) return;
        sipPassword = null;
        passwordRefused.next(true);
        startPhone(current);
      });

      // The leg whose ringing a notification announces, until it stops ringing.
      let announced: string | null = null;
      const incoming = phone.incoming$.subscribe((leg) => {
        if (leg.customerId) screenPop.next(leg.customerId);
        announced = leg.id;
        host
          .showNotification({ id: `${notificationPrefix}${leg.id}`, ...deps.describeCall(leg) })
          .catch((error: unknown) => deps.warn('the incoming call notification could not be shown', error));
      });
      // Answered in the app, given up by the caller, declined or over: the notification would only
      // mislead (and a click on it would find nothing to answer), so it goes.
      const ringing = phone.state$.subscribe((state) => {
        if (announced === null) return;
        if (state.primary?.id === announced && state.primary.state === 'ringing') return;
        const id = `${notificationPrefix}${announced}`;
        announced = null;
        host
          .closeNotification(id)
          .catch((error: unknown) => deps.warn('the incoming call notification could not be closed', error));
      });
      const stopClicks = host.onNotificationClicked(({ id }) => {
        const leg = phone.state.primary;
        if (leg && id === `${notificationPrefix}${leg.id}` && can(phone.state, 'answer'))
          phone
            .answer()
            .catch((error: unknown) => deps.warn('answering from the notification failed', error));
      });

      // Wrap-up is the router's state: the seat socket says when a call of ours enters and leaves it.
      const frames = deps.socket.messages$.subscribe((frame) => {
        if (frame.type === 'interaction.offer' && frame.interaction.channel === 'voice') {
          if (frame.interaction.customerId) screenPop.next(frame.interaction.customerId);
          return;
        }
        if (frame.type !== 'interaction.update' || frame.interaction.channel !== 'voice') return;
        const { id, state, agentId } = frame.interaction;
        if (state === 'wrapup' && agentId === user.agentId) phone.wrapupStarted(id);
        else if (phone.state.wrapup?.interactionId === id && state !== 'wrapup') phone.wrapupFinished(id);
      });

      return () => {
        running = false;
        stopPhone?.();
        stopPhone = null;
        stopSettings();
        credentialChanges.unsubscribe();
        refusals.unsubscribe();
        incoming.unsubscribe();
        ringing.unsubscribe();
        stopClicks();
        frames.unsubscribe();
      };
    },
  };
}
