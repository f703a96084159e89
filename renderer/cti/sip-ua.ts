// The slice of JsSIP the softphone uses, declared here so the service can be tested against a fake
// user agent; jssip-ua.ts hands the real JsSIP.UA over behind it (JsSIP's classes match it).

/** A request or response whose headers the softphone reads (X-Seat-Interaction-Id…). */
export interface SipMessagePort {
  getHeader(name: string): string | undefined;
}

/** What `icecandidate` hands over: the candidate, and the function that stops waiting for more. */
export interface IceCandidateEvent {
  candidate: RTCIceCandidate;
  ready: () => void;
}

/** Session events the softphone listens to, with their payloads. */
export interface SessionEvents {
  progress: { originator: 'local' | 'remote' };
  accepted: { originator: 'local' | 'remote' };
  confirmed: { originator: 'local' | 'remote' };
  ended: { originator: 'local' | 'remote' | 'system'; cause?: string };
  failed: { originator: 'local' | 'remote' | 'system'; cause?: string };
  hold: { originator: 'local' | 'remote' };
  unhold: { originator: 'local' | 'remote' };
  icecandidate: IceCandidateEvent;
  peerconnection: { peerconnection: RTCPeerConnection };
}

/** Options of an outgoing call or an answer. */
export interface MediaOptions {
  mediaStream: MediaStream;
  pcConfig: RTCConfiguration;
  rtcOfferConstraints?: { offerToReceiveAudio: boolean; offerToReceiveVideo: boolean };
  extraHeaders?: string[];
  eventHandlers?: Partial<{ [K in keyof SessionEvents]: (data: SessionEvents[K]) => void }>;
}

/** A call: JsSIP's RTCSession as the softphone uses it. */
export interface SessionPort {
  readonly direction: 'incoming' | 'outgoing';
  readonly connection: RTCPeerConnection | null | undefined;
  readonly remote_identity: {
    display_name?: string | null;
    uri: { user: string | null; toString(): string };
  };
  answer(options: MediaOptions): void;
  terminate(options?: { status_code?: number; reason_phrase?: string }): void;
  hold(): boolean;
  unhold(): boolean;
  sendDTMF(
    tones: string,
    options: { transportType: 'RFC2833'; duration?: number; interToneGap?: number },
  ): void;
  refer(
    target: string,
    options?: {
      replaces?: SessionPort;
      eventHandlers?: Partial<Record<'accepted' | 'failed' | 'requestFailed', (data: unknown) => void>>;
    },
  ): unknown;
  isEnded(): boolean;
  on<K extends keyof SessionEvents>(event: K, listener: (data: SessionEvents[K]) => void): unknown;
}

/** User agent events the softphone listens to, with their payloads. */
export interface UaEvents {
  connecting: unknown;
  connected: unknown;
  disconnected: unknown;
  registered: unknown;
  unregistered: unknown;
  registrationFailed: { cause?: string };
  newRTCSession: { originator: 'local' | 'remote'; session: SessionPort; request: SipMessagePort };
}

/** JsSIP's UA as the softphone uses it. */
export interface UaPort {
  start(): void;
  stop(): void;
  call(target: string, options: MediaOptions): SessionPort;
  on<K extends keyof UaEvents>(event: K, listener: (data: UaEvents[K]) => void): unknown;
}

/** Who the softphone registers as, and where. */
export interface SoftphoneAccount {
  /** ws:// or wss:// address of the SIP server (the Seat server's /sip unless settings name another). */
  serverUrl: string;
  /** The SIP domain (the tenant slug on the Seat edge). */
  domain: string;
  username: string;
  password: string;
  displayName: string;
  /** STUN/TURN servers for the calls' ICE; empty keeps to host candidates, which never wait. */
  iceServers: RTCIceServer[];
}

/** Builds a user agent for an account (real JsSIP in the app, a fake in tests). */
export type CreateUa = (account: SoftphoneAccount) => UaPort;
