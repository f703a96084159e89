import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingResponse } from 'jssip/lib/SIPMessage';
import type { CallEvent } from './callState';
import { queueStatusOf } from './queueStatus';
import { releaseText } from './releaseText';

// The customer's SIP user agent: one JsSIP UA over the server's /sip WebSocket, not registered
// (customers are anonymous; the edge accepts calls to queues from anyone), placing one call to a
// queue's address `sip:<queue>@<tenant>`. Session events become CallEvents for the view.

/** Where and whom to call. */
export interface CallTarget {
  serverOrigin: string;
  tenant: string;
  queue: string;
  /** The caller's own number as they typed it, if they gave one (used as the caller id). */
  callerNumber?: string;
}

/**
 * The caller id for a typed phone number: `+` and digits only, 5 to 20 digits; null for anything
 * else, so a call never fails over what the customer typed (it is placed anonymously instead).
 */
export function callerIdOf(typed: string | undefined): string | null {
  const compact = (typed ?? '').replace(/[\s().-]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : null;
}

/** A call in progress. */
export interface CustomerCall {
  hangUp(): void;
  setMuted(muted: boolean): void;
  sendDtmf(tone: string): void;
}

/** The /sip WebSocket URL of the server at `origin` (ws: for http:, wss: for https:). */
export function sipSocketUrl(origin: string): string {
  const url = new URL('/sip', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

const failureText = (cause: string | undefined): string => {
  switch (cause) {
    case JsSIP.C.causes.BUSY:
      return 'Everyone is busy right now. Please try again later.';
    case JsSIP.C.causes.NOT_FOUND:
      return 'That line does not exist.';
    case JsSIP.C.causes.UNAVAILABLE:
    case JsSIP.C.causes.REJECTED:
      return 'Nobody can take your call right now. Please try again later.';
    case JsSIP.C.causes.USER_DENIED_MEDIA_ACCESS:
      return 'The page may not use your microphone.';
    case JsSIP.C.causes.CONNECTION_ERROR:
      return 'Could not reach the service.';
    case JsSIP.C.causes.CANCELED:
      return 'Call cancelled.';
    default:
      return `The call could not be made${cause ? ` (${cause})` : ''}.`;
  }
};

/** Starts a call; `emit` receives every event, `remoteAudio` plays the agent. */
export function startCustomerCall(
  target: CallTarget,
  emit: (event: CallEvent) => void,
  remoteAudio: HTMLAudioElement,
): CustomerCall {
  const socket = new JsSIP.WebSocketInterface(sipSocketUrl(target.serverOrigin));
  const ua = new JsSIP.UA({
    sockets: [socket],
    // A number the caller gave becomes the user part, as a telephone caller id would: the edge
    // looks customers up by it for the agent's screen pop. It is the caller's claim, not verified.
    uri: `sip:${callerIdOf(target.callerNumber) ?? `customer-${Math.random().toString(36).slice(2, 10)}`}@anonymous.invalid`,
    display_name: 'Web customer',
    register: false,
    session_timers: false,
    user_agent: 'Seat web widget',
  });
  let session: RTCSession | null = null;
  let finished = false;
  const finish = (event: CallEvent) => {
    if (finished) return;
    finished = true;
    emit(event);
    // Stop the UA once the session has said goodbye (a BYE or CANCEL is still on its way).
    setTimeout(() => ua.stop(), 500);
  };

  ua.on('connected', () => {
    if (session || finished) return;
    session = ua.call(`sip:${target.queue}@${target.tenant}`, {
      mediaConstraints: { audio: true, video: false },
      // JsSIP's default STUN server is on the internet; without one reachable, ICE gathering waits
      // for its timeout before the INVITE leaves. Host candidates suffice where the agents are
      // reachable directly (the centre's own network, the tests' loopback); a deployment that puts
      // customers behind NAT adds its STUN/TURN servers here.
      pcConfig: { iceServers: [] },
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    });
    session.on('progress', (event: { response?: IncomingResponse }) => {
      const response = event.response;
      const status = response ? queueStatusOf(response) : null;
      if (status) emit({ type: 'queued', status });
      else if (response && (response.status_code === 180 || response.status_code === 183))
        emit({ type: 'ringing' });
    });
    // JsSIP creates an outgoing call's peer connection inside ua.call() and emits 'peerconnection'
    // before the call returns, so a listener added here would miss it (and the customer would hear
    // nothing): the connection is taken from the session instead.
    session.connection?.addEventListener('track', (event) => {
      if (event.track.kind !== 'audio') return;
      remoteAudio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void remoteAudio.play().catch(() => {});
    });
    session.on('confirmed', () => emit({ type: 'answered' }));
    session.on('hold', ({ originator }) => {
      if (originator === 'remote') emit({ type: 'held', held: true });
    });
    session.on('unhold', ({ originator }) => {
      if (originator === 'remote') emit({ type: 'held', held: false });
    });
    session.on('ended', ({ originator }) =>
      finish({ type: 'ended', message: originator === 'local' ? 'You hung up.' : 'The call has ended.' }),
    );
    session.on('failed', ({ cause, originator, message }) => {
      const response = message && 'status_code' in message ? (message as IncomingResponse) : null;
      finish(
        originator === 'local' && cause === JsSIP.C.causes.CANCELED
          ? { type: 'ended', message: 'Call cancelled.' }
          : { type: 'failed', message: releaseText(response) ?? failureText(cause) },
      );
    });
  });
  ua.on('disconnected', () => {
    if (!session) finish({ type: 'failed', message: failureText(JsSIP.C.causes.CONNECTION_ERROR) });
  });
  emit({ type: 'dial' });
  ua.start();

  return {
    hangUp() {
      if (session && !session.isEnded()) session.terminate();
      else finish({ type: 'ended', message: 'Call cancelled.' });
    },
    setMuted(muted) {
      if (!session || session.isEnded()) return;
      if (muted) session.mute({ audio: true });
      else session.unmute({ audio: true });
      emit({ type: 'muted', muted });
    },
    sendDtmf(tone) {
      if (session?.isEstablished() && /^[0-9*#]$/.test(tone)) session.sendDTMF(tone);
    },
  };
}
