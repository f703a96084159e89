import { BehaviorSubject, Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import { SeatError } from '@contract/errors';
import type { Timers } from '../api/timers';
import { allowedActions, initialPhoneState, phoneReducer } from './call-model';
import type { CallLeg, PhoneAction, PhoneEvent, PhoneState } from './call-model';
import { targetUri } from './dial-target';
import type { DialTarget } from './dial-target';
import type { AudioDevices, MediaEngine, RemoteAudio } from './media-engine';
import type { CreateUa, SessionPort, SipMessagePort, SoftphoneAccount, UaPort } from './sip-ua';

// The softphone: one JsSIP user agent registered with the SIP server, the calls it carries, and the
// audio around them. Signalling goes through the UaPort, audio through the MediaEngine; the state
// the toolbar shows is the call model's, fed by what the user agent reports.

/** What the softphone needs. */
export interface SoftphoneDeps {
  createUa: CreateUa;
  media: MediaEngine;
  timers: Timers;
  now: () => number;
  newId: () => string;
  /**
   * How long ICE may keep gathering after the first candidate before the offer or answer leaves.
   * JsSIP otherwise waits for gathering to complete, which can take many seconds.
   */
  iceSettleMs?: number;
  /**
   * With STUN or TURN servers, how long ICE may wait for the candidate they give (server-reflexive
   * or relay) before the offer or answer leaves without it: an unreachable server costs this, once.
   */
  iceServerWaitMs?: number;
  warn?: (message: string, detail?: unknown) => void;
}

/** The softphone the CTI toolbar drives. Every action refuses (INVALID_TRANSITION) when the model forbids it. */
export interface Softphone {
  readonly state$: Observable<PhoneState>;
  readonly state: PhoneState;
  /** Each incoming call, once, as it starts ringing (for notifications and the screen pop). */
  readonly incoming$: Observable<CallLeg>;
  /** Calls that failed before they connected, with the far end's reason (e.g. 404 Not Found). */
  readonly callFailures$: Observable<CallFailure>;
  /** Why the SIP server refused a registration (JsSIP's cause, e.g. 'Authentication Error'). */
  readonly registrationFailures$: Observable<string>;
  /** Registers the account; returns the disposer that hangs up and unregisters. */
  start(account: SoftphoneAccount): () => void;
  setDevices(devices: AudioDevices): void;
  answer(): Promise<void>;
  reject(): Promise<void>;
  hangup(): Promise<void>;
  hold(): Promise<void>;
  resume(): Promise<void>;
  mute(): Promise<void>;
  unmute(): Promise<void>;
  dtmf(tone: string): Promise<void>;
  dial(target: DialTarget): Promise<void>;
  transfer(target: DialTarget): Promise<void>;
  consult(target: DialTarget): Promise<void>;
  completeTransfer(): Promise<void>;
  cancelConsult(): Promise<void>;
  conference(): Promise<void>;
  /** The interaction of the last call waits for a disposition (told by the seat socket). */
  wrapupStarted(interactionId: string): void;
  wrapupFinished(interactionId: string): void;
}

/** A call that never connected, and why. */
export interface CallFailure {
  remote: string;
  cause: string;
}

interface LiveLeg {
  id: string;
  session: SessionPort;
  microphone: MediaStream | null;
  remote: RemoteAudio | null;
  stopMusic: (() => void) | null;
  stopRing: (() => void) | null;
}

const dtmfTone = /^[0-9*#A-D]$/;

const remoteName = (session: SessionPort) =>
  session.remote_identity.display_name ||
  session.remote_identity.uri.user ||
  session.remote_identity.uri.toString();

/** Builds the softphone. */
export function createSoftphone(deps: SoftphoneDeps): Softphone {
  const warn = deps.warn ?? (() => {});
  const iceSettleMs = deps.iceSettleMs ?? 300;
  const iceServerWaitMs = deps.iceServerWaitMs ?? 2000;
  const state = new BehaviorSubject<PhoneState>(initialPhoneState(deps.now()));
  const incoming = new Subject<CallLeg>();
  const failures = new Subject<CallFailure>();
  const registrationFailures = new Subject<string>();
  const legs = new Map<string, LiveLeg>();
  let devices: AudioDevices = { ringerDeviceId: null, speakerDeviceId: null, microphoneDeviceId: null };
  let ua: UaPort | null = null;
  let account: SoftphoneAccount | null = null;
  let unmix: (() => void) | null = null;
  let conferenceWhenResumed = false;

  const dispatch = (event: PhoneEvent) => state.next(phoneReducer(state.value, event));
  const require = (action: PhoneAction) => {
    if (!allowedActions(state.value).has(action))
      throw new SeatError('INVALID_TRANSITION', `The phone cannot ${action} in its current state.`);
  };
  const live = (leg: CallLeg | null) => (leg ? (legs.get(leg.id) ?? null) : null);
  const primary = () => live(state.value.primary);
  const consultLeg = () => live(state.value.consult);
  const applyMute = () => {
    for (const leg of legs.values())
      for (const track of leg.microphone?.getAudioTracks() ?? []) track.enabled = !state.value.muted;
  };
  const stopMix = () => {
    unmix?.();
    unmix = null;
  };

  const cleanUp = (leg: LiveLeg) => {
    leg.stopRing?.();
    leg.stopMusic?.();
    leg.remote?.stop();
    for (const track of leg.microphone?.getTracks() ?? []) track.stop();
    legs.delete(leg.id);
  };

  /** Follows one session's events into the model and the audio. */
  const wire = (leg: LiveLeg) => {
    const { session, id } = leg;
    // Host candidates come at once; a STUN or TURN server's take a round trip or two, and an agent
    // outside the centre's network needs them, so the short settle waits for one (within a bound).
    const awaited = awaitedCandidate(account?.iceServers ?? []);
    let settling: (() => void) | null = null;
    let waiting: (() => void) | null = null;
    session.on('icecandidate', ({ candidate, ready }) => {
      if (awaited) waiting ??= deps.timers.set(ready, iceServerWaitMs);
      const type = candidateType(candidate);
      if (!awaited || type === awaited || type === 'relay') settling ??= deps.timers.set(ready, iceSettleMs);
    });
    session.on('accepted', () => {
      leg.stopRing?.();
      leg.stopRing = null;
      if (session.connection && !leg.remote)
        leg.remote = deps.media.playRemote(session.connection, devices.speakerDeviceId);
      dispatch({ type: 'connected', id, at: deps.now() });
    });
    session.on('hold', ({ originator }) => {
      if (originator !== 'local') return;
      if (session.connection) leg.stopMusic = deps.media.musicOnHold(session.connection);
      dispatch({ type: 'held', id });
    });
    session.on('unhold', ({ originator }) => {
      if (originator !== 'local') return;
      leg.stopMusic?.();
      leg.stopMusic = null;
      dispatch({ type: 'resumed', id });
      // JsSIP re-enables the microphone on unhold; a muted agent stays muted.
      applyMute();
      if (conferenceWhenResumed && state.value.primary?.id === id) {
        conferenceWhenResumed = false;
        startMix();
      }
    });
    const ended = () => {
      settling?.();
      waiting?.();
      if (state.value.conference) stopMix();
      cleanUp(leg);
      dispatch({ type: 'ended', id, at: deps.now() });
    };
    session.on('ended', ended);
    session.on('failed', ({ originator, cause }) => {
      const leg = state.value.primary?.id === id ? state.value.primary : state.value.consult;
      // A call the agent placed and the far end refused: say why instead of silently going idle.
      if (originator !== 'local' && leg?.direction === 'outgoing')
        failures.next({ remote: leg.remote, cause: cause ?? 'Failed' });
      ended();
    });
  };

  const startMix = () => {
    const first = primary();
    const second = consultLeg();
    if (!first?.session.connection || !second?.session.connection || !first.microphone || !second.microphone)
      return;
    unmix = deps.media.mix(
      { connection: first.session.connection, microphone: first.microphone },
      { connection: second.session.connection, microphone: second.microphone },
    );
    dispatch({ type: 'conference', on: true });
  };

  const onIncoming = (session: SessionPort, request: SipMessagePort) => {
    if (state.value.primary) {
      // One call at a time reaches the agent; the edge offers the next one elsewhere.
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    const leg: CallLeg = {
      id: deps.newId(),
      direction: 'incoming',
      state: 'ringing',
      remote: remoteName(session),
      interactionId: request.getHeader('X-Seat-Interaction-Id') ?? null,
      customerId: request.getHeader('X-Seat-Customer-Id') ?? null,
      startedAt: deps.now(),
      connectedAt: null,
    };
    const liveLeg: LiveLeg = {
      id: leg.id,
      session,
      microphone: null,
      remote: null,
      stopMusic: null,
      stopRing: deps.media.ring(devices.ringerDeviceId),
    };
    legs.set(leg.id, liveLeg);
    wire(liveLeg);
    dispatch({ type: 'incoming', leg });
    incoming.next(leg);
  };

  const place = async (target: DialTarget, role: 'primary' | 'consult') => {
    if (!ua || !account) throw new SeatError('UNAVAILABLE', 'The phone is not started.');
    const uri = targetUri(target, account.domain);
    const microphone = await deps.media.microphone(devices.microphoneDeviceId);
    const session = ua.call(uri, {
      mediaStream: microphone,
      pcConfig: pcConfig(account),
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    });
    const leg: CallLeg = {
      id: deps.newId(),
      direction: 'outgoing',
      state: 'dialing',
      remote: String(target.value),
      interactionId: null,
      customerId: null,
      startedAt: deps.now(),
      connectedAt: null,
    };
    const liveLeg: LiveLeg = {
      id: leg.id,
      session,
      microphone,
      remote: null,
      stopMusic: null,
      stopRing: null,
    };
    legs.set(leg.id, liveLeg);
    wire(liveLeg);
    dispatch({ type: 'outgoing', leg, role });
    applyMute();
  };

  const refer = (session: SessionPort, target: string, replaces?: SessionPort) =>
    new Promise<void>((resolve, reject) => {
      session.refer(target, {
        ...(replaces ? { replaces } : {}),
        eventHandlers: {
          accepted: () => resolve(),
          requestFailed: (data) =>
            reject(new SeatError('CONFLICT', `The transfer was refused: ${describe(data)}`)),
          failed: (data) => reject(new SeatError('CONFLICT', `The transfer failed: ${describe(data)}`)),
        },
      });
    });

  const endAll = () => {
    stopMix();
    for (const leg of [...legs.values()]) if (!leg.session.isEnded()) leg.session.terminate();
  };

  return {
    state$: state.asObservable(),
    get state() {
      return state.value;
    },
    incoming$: incoming.asObservable(),
    callFailures$: failures.asObservable(),
    registrationFailures$: registrationFailures.asObservable(),

    start(next) {
      account = next;
      const agent = deps.createUa(next);
      ua = agent;
      const at = () => deps.now();
      agent.on('connecting', () => dispatch({ type: 'transport', state: 'connecting', at: at() }));
      agent.on('connected', () => {
        dispatch({ type: 'transport', state: 'connected', at: at() });
        // JsSIP registers on every transport connect (registration is configured on).
        dispatch({ type: 'registration', state: 'registering', at: at() });
      });
      agent.on('disconnected', () => {
        dispatch({ type: 'transport', state: 'disconnected', at: at() });
        // The server drops a closed connection's bindings: the phone is no longer reachable.
        dispatch({ type: 'registration', state: 'unregistered', at: at() });
      });
      agent.on('registered', () => dispatch({ type: 'registration', state: 'registered', at: at() }));
      agent.on('unregistered', () => dispatch({ type: 'registration', state: 'unregistered', at: at() }));
      agent.on('registrationFailed', ({ cause }) => {
        warn('SIP registration failed', cause);
        dispatch({ type: 'registration', state: 'failed', at: at() });
        registrationFailures.next(cause ?? 'Failed');
      });
      agent.on('newRTCSession', ({ originator, session, request }) => {
        if (originator === 'remote') onIncoming(session, request);
      });
      agent.start();
      return () => {
        endAll();
        agent.stop();
        if (ua === agent) {
          ua = null;
          account = null;
        }
        dispatch({ type: 'transport', state: 'disconnected', at: at() });
        dispatch({ type: 'registration', state: 'unregistered', at: at() });
      };
    },

    setDevices(next) {
      devices = next;
      for (const leg of legs.values()) leg.remote?.setSink(next.speakerDeviceId);
    },

    async answer() {
      require('answer');
      const leg = primary();
      if (!leg) return;
      leg.stopRing?.();
      leg.stopRing = null;
      leg.microphone = await deps.media.microphone(devices.microphoneDeviceId);
      // The call may have been cancelled while the microphone opened.
      if (leg.session.isEnded()) return cleanUp(leg);
      leg.session.answer({ mediaStream: leg.microphone, pcConfig: pcConfig(account) });
    },

    async reject() {
      require('reject');
      primary()?.session.terminate({ status_code: 603, reason_phrase: 'Decline' });
    },

    async hangup() {
      require('hangup');
      endAll();
    },

    async hold() {
      require('hold');
      primary()?.session.hold();
    },

    async resume() {
      require('resume');
      primary()?.session.unhold();
    },

    async mute() {
      require('mute');
      dispatch({ type: 'muted', muted: true });
      applyMute();
    },

    async unmute() {
      require('unmute');
      dispatch({ type: 'muted', muted: false });
      applyMute();
    },

    async dtmf(tone) {
      require('dtmf');
      if (!dtmfTone.test(tone))
        throw new SeatError('VALIDATION_FAILED', 'A DTMF tone is one of 0-9, *, #, A-D.');
      // RFC 4733 telephone-events in the media stream, not SIP INFO: every gateway understands them.
      (consultLeg() ?? primary())?.session.sendDTMF(tone, { transportType: 'RFC2833', duration: 100 });
    },

    async dial(target) {
      require('dial');
      await place(target, 'primary');
    },

    async transfer(target) {
      require('transfer');
      const leg = primary();
      if (!leg || !account) return;
      await refer(leg.session, targetUri(target, account.domain));
    },

    async consult(target) {
      require('consult');
      if (!account) return;
      targetUri(target, account.domain);
      const leg = primary();
      if (leg && state.value.primary?.state === 'connected') leg.session.hold();
      await place(target, 'consult');
    },

    async completeTransfer() {
      require('completeTransfer');
      const first = primary();
      const second = consultLeg();
      if (!first || !second) return;
      stopMix();
      dispatch({ type: 'conference', on: false });
      // Attended transfer: the first call is asked to replace the agent's dialog with the second.
      await refer(first.session, second.session.remote_identity.uri.toString(), second.session);
      for (const leg of [first, second]) if (!leg.session.isEnded()) leg.session.terminate();
    },

    async cancelConsult() {
      require('cancelConsult');
      const second = consultLeg();
      const wasConference = state.value.conference;
      stopMix();
      second?.session.terminate();
      const first = primary();
      if (first && !wasConference && state.value.primary?.state === 'held') first.session.unhold();
    },

    async conference() {
      require('conference');
      conferenceWhenResumed = true;
      primary()?.session.unhold();
    },

    wrapupStarted(interactionId) {
      dispatch({ type: 'wrapup', interactionId, at: deps.now() });
    },
    wrapupFinished(interactionId) {
      dispatch({ type: 'wrapupDone', interactionId, at: deps.now() });
    },
  };
}

// The account's STUN/TURN servers. Without any, ICE has host candidates at once and the settle
// timer lets the offer leave; a STUN server on the internet, unreachable from the centre's network,
// would only add its timeout to every call.
function pcConfig(account: SoftphoneAccount | null): RTCConfiguration {
  return { iceServers: account?.iceServers ?? [] };
}

/** The candidate the account's ICE servers give: a TURN server's relay, else a STUN server's reflexive one. */
function awaitedCandidate(servers: RTCIceServer[]): 'relay' | 'srflx' | null {
  const urls = servers.flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]));
  if (urls.some((url) => /^turns?:/i.test(url))) return 'relay';
  if (urls.some((url) => /^stuns?:/i.test(url))) return 'srflx';
  return null;
}

// RTCIceCandidate.type where the browser has it, else read from the candidate line ("… typ relay …").
function candidateType(candidate: RTCIceCandidate): string | null {
  return candidate.type ?? / typ (\w+)/.exec(String(candidate.candidate))?.[1] ?? null;
}

function describe(data: unknown): string {
  const response = (data as { response?: { status_code?: number; reason_phrase?: string } } | null)?.response;
  if (response?.status_code) return `${response.status_code} ${response.reason_phrase ?? ''}`.trim();
  const cause = (data as { cause?: string } | null)?.cause;
  return cause ?? 'no reason given';
}
