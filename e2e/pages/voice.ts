import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { SeatPage } from './seat-page';

// Voice e2e helpers: pages with Chromium's fake microphone, media kept on loopback, and every
// RTCPeerConnection the page makes kept aside so a test can read its RTP statistics (getStats) —
// audio is checked as bytes flowing, not only as words on the screen.

/** Voice steps wait longer than the default: each page runs real media, and the machine is shared. */
export const voiceExpect = expect.configure({ timeout: 20_000 });

/** Launch flags that give a page a fake microphone and let WebRTC use 127.0.0.1 (DESIGN §9). */
export const fakeMediaArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

declare global {
  interface Window {
    __voicePeers?: RTCPeerConnection[];
    /** Ids of every track getUserMedia handed out: the page's microphone. */
    __micTracks?: string[];
    /** Every DTMF tone the page sent through RTCDTMFSender (RFC 4733 telephone-events). */
    __dtmfSent?: string[];
  }
}

/** Runs in every page before its scripts: loopback-only candidates, and peer connections remembered. */
function instrumentPeers() {
  const keepLoopback = (sdp: string) =>
    sdp
      .split('\r\n')
      .filter((line) => !line.startsWith('a=candidate:') || / 127\.0\.0\.1 /.test(line))
      .join('\r\n');
  const described = Object.getOwnPropertyDescriptor(RTCPeerConnection.prototype, 'localDescription');
  Object.defineProperty(RTCPeerConnection.prototype, 'localDescription', {
    configurable: true,
    get(this: RTCPeerConnection) {
      const description = described?.get?.call(this) as RTCSessionDescription | null;
      return description
        ? new RTCSessionDescription({ type: description.type, sdp: keepLoopback(description.sdp) })
        : description;
    },
  });
  const peers: RTCPeerConnection[] = [];
  window.__voicePeers = peers;
  const Native = window.RTCPeerConnection;
  class Tracked extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      peers.push(this);
    }
  }
  window.RTCPeerConnection = Tracked;
  const micTracks: string[] = [];
  window.__micTracks = micTracks;
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    for (const track of stream.getTracks()) micTracks.push(track.id);
    return stream;
  };
  const dtmfSent: string[] = [];
  window.__dtmfSent = dtmfSent;
  const insertDTMF = RTCDTMFSender.prototype.insertDTMF;
  RTCDTMFSender.prototype.insertDTMF = function (this: RTCDTMFSender, tones, ...rest) {
    dtmfSent.push(tones);
    return insertDTMF.call(this, tones, ...rest);
  };
}

/** A new context with its own fake microphone and instrumented peer connections. */
export async function voiceContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript(instrumentPeers);
  return context;
}

/** Audio bytes received so far on the page's live peer connections (inbound-rtp). */
export function audioBytesReceived(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const peer of window.__voicePeers ?? []) {
      if (peer.connectionState === 'closed') continue;
      const stats = await peer.getStats();
      stats.forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio') total += report.bytesReceived ?? 0;
      });
    }
    return total;
  });
}

/**
 * Loudness (RMS, 0..1) of what the page receives on its live calls over `ms`, measured with an
 * AnalyserNode on the received tracks: the loudest call wins. RTP bytes alone would also flow for
 * encoded silence (a muted or empty track), and headless Chromium without a sound card plays
 * nothing out, so inbound-rtp audio energy stays 0 there.
 */
export function receivedLoudness(page: Page, ms = 1500): Promise<number> {
  return page.evaluate(async (duration) => {
    const ctx = new AudioContext();
    await ctx.resume();
    const analysers = (window.__voicePeers ?? [])
      .filter((peer) => peer.connectionState !== 'closed')
      .flatMap((peer) => peer.getReceivers())
      .filter((receiver) => receiver.track.kind === 'audio' && receiver.track.readyState === 'live')
      .map((receiver) => {
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 2048;
        ctx.createMediaStreamSource(new MediaStream([receiver.track])).connect(analyser);
        return analyser;
      });
    let loudest = 0;
    const samples = new Float32Array(2048);
    const until = performance.now() + duration;
    while (performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const analyser of analysers) {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
      }
    }
    await ctx.close();
    return loudest;
  }, ms);
}

/** Waits until the page hears sound on its calls, not just encoded silence. */
export async function expectAudible(page: Page, what: string): Promise<void> {
  await expect
    .poll(() => receivedLoudness(page), { message: `${what} hears sound`, timeout: 20_000 })
    .toBeGreaterThan(0.005);
}

/** What the page sends on its live calls: true where a sender carries the microphone itself. */
export function sendersCarryMicrophone(page: Page): Promise<boolean[]> {
  return page.evaluate(() =>
    (window.__voicePeers ?? [])
      .filter((peer) => peer.connectionState !== 'closed')
      .flatMap((peer) => peer.getSenders())
      .filter((sender) => sender.track?.kind === 'audio')
      .map((sender) => (window.__micTracks ?? []).includes(sender.track?.id ?? '')),
  );
}

/** Tones the page has sent as RFC 4733 telephone-events. */
export function dtmfSent(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__dtmfSent ?? [])]);
}

/** Waits until the page receives audio: its RTP byte count grows past what it was. */
export async function expectAudioFlowing(page: Page, what: string): Promise<void> {
  const before = await audioBytesReceived(page);
  await expect
    .poll(() => audioBytesReceived(page), { message: `${what} receives RTP audio`, timeout: 20_000 })
    .toBeGreaterThan(before + 1000);
}

/**
 * A demo customer with a phone number of their own (no one else has it), not blacklisted and with
 * no account manager (who would be tried first), read from the e2e server's database.
 */
export function customerWithPhone(): { id: string; name: string; phone: string } {
  const port = process.env.SEAT_E2E_PORT;
  const dataDir = port ? `test-results/e2e-data-${port}` : 'test-results/e2e-data';
  const db = new Database(path.resolve(import.meta.dirname, '..', '..', dataDir, 'seat.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const row = db
      .prepare(
        `SELECT c.id AS id, c.name AS name, p.value AS phone FROM customers c JOIN customer_contact_points p ON p.customer_id = c.id
         WHERE p.kind = 'phone' AND c.account_manager_agent_id IS NULL AND c.blacklist_status = 'none'
         AND (SELECT COUNT(*) FROM customer_contact_points q WHERE q.kind = 'phone' AND q.value = p.value) = 1
         ORDER BY c.id LIMIT 1`,
      )
      .get() as { id: string; name: string; phone: string } | undefined;
    if (!row) throw new Error('the demo seed has no customer with a phone number of their own');
    return row;
  } finally {
    db.close();
  }
}

/** The customer's call page at /widget/. */
export class CallerPage {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId('call-status');
  }

  /** Calls `queue`, giving `number` as the caller's own phone number when there is one. */
  async call(queue: string, number?: string): Promise<void> {
    await this.page.goto(`/widget/?tenant=demo&queue=${queue}`);
    await voiceExpect(this.status).toHaveAttribute('data-state', 'idle');
    if (number) await this.page.getByTestId('call-number').fill(number);
    await this.page.getByTestId('call-button').click();
  }

  async expectState(state: string): Promise<void> {
    await voiceExpect(this.status).toHaveAttribute('data-state', state);
  }

  async hangUp(): Promise<void> {
    await this.page.getByTestId('call-hangup').click();
  }
}

/** The agent's web seat with its softphone. */
export class SoftphonePage extends SeatPage {
  get call(): Locator {
    return this.page.getByTestId('cti-call');
  }

  get registration(): Locator {
    return this.page.getByTestId('sip-registration');
  }

  get sipConnection(): Locator {
    return this.page.getByTestId('sip-connection');
  }

  button(name: string): Locator {
    return this.page.getByTestId(`cti-${name}`);
  }

  /** Signs in, waits for the line to register, and makes the agent ready (or not ready). */
  async signInWithPhone(username: string, ready = true): Promise<void> {
    await this.open();
    await this.signInToShell(username);
    // A call an earlier failed test left in wrap-up is finished first, so each test starts clean.
    if ((await this.agentState.getAttribute('data-state')) === 'wrapup') await this.finishWrapup();
    await voiceExpect(this.registration).toHaveAttribute('data-state', 'registered');
    await voiceExpect(this.sipConnection).toHaveAttribute('data-state', 'connected');
    if (ready) {
      await this.chooseState('ready');
      await this.expectState('ready');
    } else {
      await this.chooseState('not_ready:break');
      await this.expectState('not_ready', 'break');
    }
  }

  async expectCall(state: string): Promise<void> {
    await voiceExpect(this.call).toHaveAttribute('data-state', state);
  }

  /** Opens the dial, transfer or consult form and sends the target. */
  async target(action: 'dial' | 'transfer' | 'consult', kind: 'queue' | 'agent' | 'number', value: string) {
    await this.button(action).click();
    const form = this.page.getByTestId('cti-target-form');
    await form.getByTestId('cti-target-kind').selectOption(kind);
    const field = form.getByTestId('cti-target-value');
    if (kind === 'queue') await field.selectOption(value);
    else await field.fill(value);
    await form.getByTestId('cti-target-submit').click();
  }

  async finishWrapup(disposition = 'resolved'): Promise<void> {
    await this.expectCall('wrapup');
    await this.page.getByTestId('cti-disposition').selectOption(disposition);
    await this.page.getByTestId('cti-wrapup-submit').click();
    await this.expectCall('idle');
  }
}

/** Opens the pages of one voice test and closes them after it, so no phone outlives its test. */
export interface VoicePhones {
  /** An agent's seat, signed in with a registered phone, ready unless told otherwise. */
  agent(username: string, ready?: boolean): Promise<SoftphonePage>;
  /** A customer's call page. */
  caller(): Promise<CallerPage>;
  /** A bare context with fake media, for tests that route its sockets. */
  context(): Promise<BrowserContext>;
}

/** The voice specs' test: Chromium with fake media, and the `phones` fixture. */
export const voiceTest = test.extend<{ phones: VoicePhones }>({
  phones: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    const agents: SoftphonePage[] = [];
    const context = async () => {
      const opened = await voiceContext(browser);
      contexts.push(opened);
      return opened;
    };
    await use({
      context,
      async agent(username, ready = true) {
        const seat = new SoftphonePage(await (await context()).newPage());
        agents.push(seat);
        await seat.signInWithPhone(username, ready);
        return seat;
      },
      caller: async () => new CallerPage(await (await context()).newPage()),
    });
    // A ready agent left behind would be offered the next test's call: each leaves not ready.
    for (const seat of agents)
      if ((await seat.agentState.getAttribute('data-state').catch(() => null)) === 'ready')
        await seat.chooseState('not_ready:break');
    for (const opened of contexts) await opened.close();
  },
});
