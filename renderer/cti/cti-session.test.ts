import { Subject, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '@contract/ipc/channels';
import { defaultSettings, seatServerSoftphone } from '@contract/ipc/settings';
import type { Settings } from '@contract/ipc/settings';
import type { ServerMessage } from '@contract/ws';
import type { Interaction } from '@contract/routing';
import { createCtiSession } from './cti-session';
import type { CtiHost } from './cti-session';
import { createPhoneCredentialStore } from './phone-credentials';
import { createSoftphone } from './softphone';
import type { SoftphoneAccount } from './sip-ua';
import { FakeUa, fakeMedia } from './testing/fake-ua';

const user = {
  id: 'u10',
  tenantId: 'tenant-demo',
  username: 'agent10',
  displayName: 'Agent Ten',
  role: 'agent',
  agentId: 'demo-agent-agent10',
} as const;

const interaction = (change: Partial<Interaction>): Interaction => ({
  id: 'int-1',
  channel: 'voice',
  queueId: 'q',
  customerId: null,
  state: 'active',
  agentId: user.agentId,
  attached: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
  ...change,
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

async function setUp(options: { signedIn?: boolean; canChooseSipServer?: boolean } = {}) {
  const uas: Array<{ account: SoftphoneAccount; ua: FakeUa }> = [];
  const { media, log } = fakeMedia();
  const phone = createSoftphone({
    createUa: (account) => {
      const ua = new FakeUa();
      uas.push({ account, ua });
      return ua;
    },
    media,
    timers: { set: () => () => {} },
    now: () => 0,
    newId: () => 'leg-1',
  });
  const frames = new Subject<ServerMessage>();
  const sent: unknown[] = [];
  const notifications: NotificationRequest[] = [];
  const closed: string[] = [];
  const clicks = new Subject<{ id: string }>();
  const settingsChanged = new Subject<Settings>();
  let settings: Settings = {
    ...defaultSettings,
    audio: { ringerDeviceId: 'bell', speakerDeviceId: null, microphoneDeviceId: null },
  };
  const host: CtiHost = {
    getSettings: async () => settings,
    setSettings: async (patch) => {
      settings = {
        ...settings,
        audio: { ...settings.audio, ...patch.audio },
        softphone: { ...settings.softphone, ...patch.softphone },
      };
      return settings;
    },
    onSettingsChanged: (listener) => {
      const s = settingsChanged.subscribe(listener);
      return () => s.unsubscribe();
    },
    showNotification: async (request) => {
      notifications.push(request);
      return null;
    },
    closeNotification: async (id) => {
      closed.push(id);
      return null;
    },
    onNotificationClicked: (listener) => {
      const s = clicks.subscribe(listener);
      return () => s.unsubscribe();
    },
  };
  const storage = memoryStorage();
  // After a reload the tab still knows the tenant, never the password.
  storage.setItem('seat.phone.tenant', 'demo');
  const credentials = createPhoneCredentialStore(storage);
  if (options.signedIn !== false)
    credentials.remember({ tenant: 'demo', username: 'agent10', password: 'pw' });
  const session = createCtiSession({
    user,
    phone,
    socket: {
      messages$: frames.asObservable(),
      request: async (message) => {
        sent.push(message);
      },
    },
    host,
    credentials,
    serverUrl: 'http://127.0.0.1:7420',
    canChooseSipServer: options.canChooseSipServer ?? true,
    describeCall: (leg) => ({ title: 'Incoming call', body: `${leg.remote} is calling` }),
    warn: () => {},
  });
  const stop = session.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    session,
    phone,
    uas,
    frames,
    sent,
    notifications,
    closed,
    clicks,
    settingsChanged,
    log,
    stop,
    credentials,
  };
}

describe('the CTI session', () => {
  it('registers the signed-in agent with the Seat edge and rings on the ringer from settings', async () => {
    const { uas, phone, log } = await setUp();
    expect(uas.map((u) => u.account)).toEqual([
      {
        serverUrl: 'ws://127.0.0.1:7420/sip',
        domain: 'demo',
        username: 'agent10',
        password: 'pw',
        displayName: 'Agent Ten',
        iceServers: [],
      },
    ]);
    uas[0]!.ua.online();
    uas[0]!.ua.ring({});
    expect(phone.state.primary?.state).toBe('ringing');
    expect(log).toContain('ring bell');
  });

  it('asks for the password after a reload, then registers with it', async () => {
    const { session, uas } = await setUp({ signedIn: false });
    expect(await firstValueFrom(session.needsPassword$)).toBe(true);
    expect(uas).toHaveLength(0);
    session.signInPhone('typed');
    expect(uas.map((u) => [u.account.username, u.account.domain, u.account.password])).toEqual([
      ['agent10', 'demo', 'typed'],
    ]);
    expect(await firstValueFrom(session.needsPassword$)).toBe(false);
  });

  it('pops the caller and notifies; a click on the notification answers', async () => {
    const { session, uas, notifications, clicks, phone } = await setUp();
    uas[0]!.ua.online();
    const call = uas[0]!.ua.ring({ 'X-Seat-Interaction-Id': 'int-1', 'X-Seat-Customer-Id': 'cust-7' });
    expect(await firstValueFrom(session.screenPop$)).toBe('cust-7');
    expect(notifications).toEqual([{ id: 'call-leg-1', title: 'Incoming call', body: 'Alice is calling' }]);
    clicks.next({ id: 'call-other' });
    expect(call.calls).toEqual([]);
    clicks.next({ id: 'call-leg-1' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(call.calls[0]?.[0]).toBe('answer');
    expect(phone.state.primary?.state).toBe('connected');
  });

  it('answers the ringing call that carries an offer, as the inbox Accept asks, and nothing else', async () => {
    const { session, uas, phone, sent } = await setUp();
    expect(await session.answerOffer('int-1', 'answer')).toBe(false);
    uas[0]!.ua.online();
    const call = uas[0]!.ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    expect(await session.answerOffer('int-other', 'answer')).toBe(false);
    expect(call.calls).toEqual([]);
    expect(await session.answerOffer('int-1', 'answer')).toBe(true);
    expect(call.calls[0]?.[0]).toBe('answer');
    expect(phone.state.primary?.state).toBe('connected');
    // Once answered there is nothing left to answer or decline; the seat socket was never used.
    expect(await session.answerOffer('int-1', 'decline')).toBe(false);
    expect(sent).toEqual([]);
  });

  it('declines the ringing call of an offer with 603 so the edge re-queues it', async () => {
    const { session, uas, phone, sent } = await setUp();
    uas[0]!.ua.online();
    const call = uas[0]!.ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    expect(await session.answerOffer('int-1', 'decline')).toBe(true);
    expect(call.calls).toEqual([['terminate', { status_code: 603, reason_phrase: 'Decline' }]]);
    expect(phone.state.primary).toBeNull();
    expect(sent).toEqual([]);
  });

  it('closes the incoming call notification once the call is answered in the app', async () => {
    const { session, uas, notifications, closed } = await setUp();
    uas[0]!.ua.online();
    uas[0]!.ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    expect(notifications.map((n) => n.id)).toEqual(['call-leg-1']);
    expect(closed).toEqual([]);
    await session.answerOffer('int-1', 'answer');
    expect(closed).toEqual(['call-leg-1']);
  });

  it('closes the incoming call notification when the caller gives up, and only once', async () => {
    const { uas, closed } = await setUp();
    uas[0]!.ua.online();
    const call = uas[0]!.ua.ring({ 'X-Seat-Interaction-Id': 'int-1' });
    call.end('remote');
    expect(closed).toEqual(['call-leg-1']);
    uas[0]!.ua.online();
    expect(closed).toEqual(['call-leg-1']);
  });

  it('closes the incoming call notification when the agent declines, or when the call ends after a click answered it', async () => {
    const { uas, phone, clicks, closed } = await setUp();
    uas[0]!.ua.online();
    uas[0]!.ua.ring({});
    await phone.reject();
    expect(closed).toEqual(['call-leg-1']);
    const second = uas[0]!.ua.ring({});
    clicks.next({ id: 'call-leg-1' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(phone.state.primary?.state).toBe('connected');
    expect(closed).toEqual(['call-leg-1', 'call-leg-1']);
    second.end('remote');
    expect(closed).toHaveLength(2);
  });

  it('enters wrap-up when the router says so for this agent and sends the disposition', async () => {
    const { session, phone, frames, sent } = await setUp();
    frames.next({
      type: 'interaction.update',
      interaction: interaction({ state: 'wrapup', agentId: 'someone-else' }),
    });
    expect(phone.state.wrapup).toBeNull();
    frames.next({ type: 'interaction.update', interaction: interaction({ state: 'wrapup' }) });
    expect(phone.state.wrapup?.interactionId).toBe('int-1');
    await session.wrapup('resolved');
    expect(sent).toEqual([{ type: 'interaction.wrapup', interactionId: 'int-1', disposition: 'resolved' }]);
    expect(phone.state.wrapup).toBeNull();
  });

  it('sends no wrap-up when nothing waits for one', async () => {
    const { session, sent } = await setUp();
    await session.wrapup('resolved');
    expect(sent).toEqual([]);
  });

  it('saves devices in settings and re-registers when the SIP server setting changes', async () => {
    const { session, uas, settingsChanged } = await setUp();
    await session.saveDevices({ speakerDeviceId: 'desk' });
    expect((await firstValueFrom(session.settings$))?.audio.speakerDeviceId).toBe('desk');
    settingsChanged.next({
      ...defaultSettings,
      softphone: {
        ...defaultSettings.softphone,
        sipServerUrl: 'wss://pbx.example.com/ws',
        sipDomain: 'pbx.example.com',
      },
    });
    expect(uas).toHaveLength(2);
    expect(uas[0]!.ua.stopped).toBe(true);
    expect(uas[1]!.account).toMatchObject({
      serverUrl: 'wss://pbx.example.com/ws',
      domain: 'pbx.example.com',
    });
  });

  it('asks for the password of a SIP account of its own and registers as it, keeping the Seat password apart', async () => {
    const { session, uas, credentials } = await setUp();
    await session.saveLine({
      ...seatServerSoftphone,
      sipServerUrl: 'wss://pbx.example.com/ws',
      sipDomain: 'pbx.example.com',
      sipUsername: '1001',
    });
    expect(uas).toHaveLength(1);
    expect(uas[0]!.ua.stopped).toBe(true);
    expect(await firstValueFrom(session.needsPassword$)).toBe(true);
    session.signInPhone('pbx-pw');
    expect(uas.map((u) => u.account)).toEqual([
      expect.anything(),
      {
        serverUrl: 'wss://pbx.example.com/ws',
        domain: 'pbx.example.com',
        username: '1001',
        password: 'pbx-pw',
        displayName: 'Agent Ten',
        iceServers: [],
      },
    ]);
    expect(await firstValueFrom(session.needsPassword$)).toBe(false);
    expect(credentials.current()).toEqual({ tenant: 'demo', username: 'agent10', password: 'pw' });
  });

  it('never sends a password typed for one SIP account to another, but keeps it when only ICE changes', async () => {
    const { session, uas } = await setUp();
    const line = { ...seatServerSoftphone, sipServerUrl: 'wss://pbx.example.com/ws', sipUsername: '1001' };
    await session.saveLine(line);
    session.signInPhone('pbx-pw');
    expect(uas).toHaveLength(2);
    const iceServers = [{ urls: 'stun:stun.example.com' }];
    await session.saveLine({ ...line, iceServers });
    expect(uas).toHaveLength(3);
    expect(uas[1]!.ua.stopped).toBe(true);
    expect(uas[2]!.account).toMatchObject({
      username: '1001',
      password: 'pbx-pw',
      domain: 'demo',
      iceServers,
    });
    await session.saveLine({ ...line, sipUsername: '1002' });
    expect(uas).toHaveLength(3);
    expect(uas[2]!.ua.stopped).toBe(true);
    expect(await firstValueFrom(session.needsPassword$)).toBe(true);
  });

  it('registers with the Seat edge and Seat account again once the line is set back to the Seat server', async () => {
    const { session, uas } = await setUp();
    await session.saveLine({
      ...seatServerSoftphone,
      sipServerUrl: 'wss://pbx.example.com/ws',
      sipUsername: '1001',
    });
    await session.saveLine(seatServerSoftphone);
    expect(await firstValueFrom(session.needsPassword$)).toBe(false);
    expect(uas.at(-1)!.account).toMatchObject({
      serverUrl: 'ws://127.0.0.1:7420/sip',
      username: 'agent10',
      password: 'pw',
    });
  });

  it('does not register again when a saved line is announced back by the host', async () => {
    const { session, uas, settingsChanged } = await setUp();
    await session.saveLine({ ...seatServerSoftphone, sipDomain: 'pbx.example.com' });
    expect(uas).toHaveLength(2);
    settingsChanged.next({
      ...defaultSettings,
      softphone: { ...seatServerSoftphone, sipDomain: 'pbx.example.com' },
    });
    expect(uas).toHaveLength(2);
  });

  it("asks again for the SIP account's password when the server refuses it, not when it cannot be reached", async () => {
    const { session, uas } = await setUp();
    await session.saveLine({
      ...seatServerSoftphone,
      sipServerUrl: 'wss://pbx.example.com/ws',
      sipUsername: '1001',
    });
    session.signInPhone('typo');
    expect(uas).toHaveLength(2);
    uas[1]!.ua.emit('registrationFailed', { cause: 'Request Timeout' });
    expect(uas[1]!.ua.stopped).toBe(false);
    expect(await firstValueFrom(session.needsPassword$)).toBe(false);
    uas[1]!.ua.emit('registrationFailed', { cause: 'Authentication Error' });
    expect(uas[1]!.ua.stopped).toBe(true);
    expect(await firstValueFrom(session.needsPassword$)).toBe(true);
    expect(await firstValueFrom(session.passwordRefused$)).toBe(true);
    session.signInPhone('right');
    expect(uas[2]!.account).toMatchObject({ username: '1001', password: 'right' });
    expect(await firstValueFrom(session.passwordRefused$)).toBe(false);
  });

  it('leaves a refused Seat password to the line indicator: the Seat sign-in is not undone', async () => {
    const { session, uas } = await setUp();
    uas[0]!.ua.emit('registrationFailed', { cause: 'Authentication Error' });
    expect(uas[0]!.ua.stopped).toBe(false);
    expect(await firstValueFrom(session.needsPassword$)).toBe(false);
  });

  it("registers with its own server's edge in the web seat, whatever SIP server the settings name", async () => {
    const { session, uas } = await setUp({ canChooseSipServer: false });
    await session.saveLine({
      ...seatServerSoftphone,
      sipServerUrl: 'wss://pbx.example.com/ws',
      sipDomain: 'pbx.example.com',
    });
    expect(uas.at(-1)!.account).toMatchObject({
      serverUrl: 'ws://127.0.0.1:7420/sip',
      domain: 'pbx.example.com',
    });
  });

  it('stops the phone when the shell goes', async () => {
    const { uas, stop } = await setUp();
    stop();
    expect(uas[0]!.ua.stopped).toBe(true);
  });
});
