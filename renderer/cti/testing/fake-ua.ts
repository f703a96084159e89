import type { MediaEngine } from '../media-engine';
import type { MediaOptions, SessionEvents, SessionPort, UaEvents, UaPort } from '../sip-ua';

// A user agent and media engine that record what the softphone asks of them, and let a test play
// the server's part (connect, register, ring, answer, hang up) by emitting JsSIP's events.

type Listener = (data: never) => void;

class Emitter<E> {
  private readonly listeners = new Map<keyof E, Listener[]>();
  on<K extends keyof E>(event: K, listener: (data: E[K]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
    return this;
  }
  emit<K extends keyof E>(event: K, data: E[K]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (d: E[K]) => void)(data);
  }
}

/** A fake RTCSession: records calls, ends itself on terminate like JsSIP does. */
export class FakeSession extends Emitter<SessionEvents> implements SessionPort {
  readonly calls: Array<[string, unknown]> = [];
  readonly connection = { fake: 'pc' } as unknown as RTCPeerConnection;
  ended = false;
  lastRefer: { target: string; options: Parameters<SessionPort['refer']>[1] } | null = null;
  constructor(
    readonly direction: 'incoming' | 'outgoing',
    readonly remote_identity: SessionPort['remote_identity'],
  ) {
    super();
  }
  answer(options: MediaOptions) {
    this.calls.push(['answer', options]);
    this.emit('accepted', { originator: 'local' });
    this.emit('confirmed', { originator: 'local' });
  }
  terminate(options?: { status_code?: number }) {
    this.calls.push(['terminate', options]);
    this.end('local');
  }
  hold() {
    this.calls.push(['hold', null]);
    this.emit('hold', { originator: 'local' });
    return true;
  }
  unhold() {
    this.calls.push(['unhold', null]);
    this.emit('unhold', { originator: 'local' });
    return true;
  }
  sendDTMF(tones: string, options: unknown) {
    this.calls.push(['dtmf', { tones, options }]);
  }
  refer(target: string, options?: Parameters<SessionPort['refer']>[1]) {
    this.calls.push(['refer', target]);
    this.lastRefer = { target, options };
    return {};
  }
  isEnded() {
    return this.ended;
  }
  /** The far end hangs up, or the local side did. */
  end(originator: 'local' | 'remote' = 'remote') {
    if (this.ended) return;
    this.ended = true;
    this.emit('ended', { originator });
  }
}

/** A fake UA: `call` returns FakeSessions the test can drive. */
export class FakeUa extends Emitter<UaEvents> implements UaPort {
  started = false;
  stopped = false;
  readonly placed: Array<{ target: string; options: MediaOptions; session: FakeSession }> = [];
  start() {
    this.started = true;
  }
  stop() {
    this.stopped = true;
  }
  call(target: string, options: MediaOptions) {
    const session = new FakeSession('outgoing', { display_name: null, uri: uri(target) });
    this.placed.push({ target, options, session });
    return session;
  }
  /** The server connects and the registrar accepts. */
  online() {
    this.emit('connecting', undefined);
    this.emit('connected', undefined);
    this.emit('registered', undefined);
  }
  /** An INVITE from the edge with the Seat headers. */
  ring(headers: Record<string, string>, from = 'alice'): FakeSession {
    const session = new FakeSession('incoming', { display_name: 'Alice', uri: uri(`sip:${from}@demo`) });
    this.emit('newRTCSession', {
      originator: 'remote',
      session,
      request: { getHeader: (name) => headers[name] },
    });
    return session;
  }
}

function uri(text: string) {
  return { user: /^sip:([^@]+)@/.exec(text)?.[1] ?? null, toString: () => text };
}

/** A fake track whose `enabled` the tests read. */
export const fakeTrack = () => ({
  kind: 'audio',
  enabled: true,
  stopped: false,
  stop() {
    this.stopped = true;
  },
});

/** A media engine that records what it was asked. */
export function fakeMedia() {
  const log: string[] = [];
  const tracks: Array<ReturnType<typeof fakeTrack>> = [];
  const media: MediaEngine = {
    async microphone(deviceId) {
      log.push(`microphone ${deviceId ?? 'default'}`);
      const track = fakeTrack();
      tracks.push(track);
      return {
        getAudioTracks: () => [track],
        getTracks: () => [track],
      } as unknown as MediaStream;
    },
    ring(deviceId) {
      log.push(`ring ${deviceId ?? 'default'}`);
      return () => log.push('ring stop');
    },
    playRemote(_connection, deviceId) {
      log.push(`speaker ${deviceId ?? 'default'}`);
      return {
        setSink: (id) => log.push(`speaker sink ${id ?? 'default'}`),
        stop: () => log.push('speaker stop'),
      };
    },
    musicOnHold() {
      log.push('music on');
      return () => log.push('music off');
    },
    mix() {
      log.push('mix on');
      return () => log.push('mix off');
    },
    devices: async () => ({ inputs: [], outputs: [] }),
  };
  return { media, log, tracks };
}
