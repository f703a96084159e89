// The softphone's state as plain data, the events that change it, and which toolbar actions each
// state allows. Pure: the softphone service feeds it events, the toolbar reads `allowedActions`
// to enable buttons, and the service refuses an action the model does not allow.

/** The SIP user agent's socket to the server. */
export type TransportState = 'disconnected' | 'connecting' | 'connected';
/** The user agent's registration with the server's registrar. */
export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';
/** One call leg's progress: ringing (incoming, not yet answered), dialing (outgoing, not yet answered). */
export type LegState = 'ringing' | 'dialing' | 'connected' | 'held';

/** A call the seat takes part in. */
export interface CallLeg {
  id: string;
  direction: 'incoming' | 'outgoing';
  state: LegState;
  /** Who is on the other end, as shown to the agent (display name or SIP user). */
  remote: string;
  /** The routed interaction this call carries (X-Seat-Interaction-Id), if any. */
  interactionId: string | null;
  customerId: string | null;
  startedAt: number;
  connectedAt: number | null;
}

/** Everything the CTI toolbar shows about the phone. */
export interface PhoneState {
  transport: TransportState;
  registration: RegistrationState;
  /** The call the agent took or placed first. */
  primary: CallLeg | null;
  /** A second call placed while the primary is held (consultation). */
  consult: CallLeg | null;
  /** True while the primary and the consult leg are mixed into one three-way call. */
  conference: boolean;
  muted: boolean;
  /** The call that ended and waits for its disposition. */
  wrapup: { interactionId: string; since: number } | null;
  /** Since when the phone is in its current state (the toolbar's state timer counts the agent state instead). */
  since: number;
}

export const phoneActions = [
  'answer',
  'reject',
  'hangup',
  'hold',
  'resume',
  'mute',
  'unmute',
  'dtmf',
  'dial',
  'transfer',
  'consult',
  'completeTransfer',
  'cancelConsult',
  'conference',
  'wrapup',
] as const;
/** A toolbar action. */
export type PhoneAction = (typeof phoneActions)[number];

/** What happens to the phone. */
export type PhoneEvent =
  | { type: 'transport'; state: TransportState; at: number }
  | { type: 'registration'; state: RegistrationState; at: number }
  | { type: 'incoming'; leg: CallLeg }
  | { type: 'outgoing'; leg: CallLeg; role: 'primary' | 'consult' }
  | { type: 'connected'; id: string; at: number }
  | { type: 'held'; id: string }
  | { type: 'resumed'; id: string }
  | { type: 'ended'; id: string; at: number }
  | { type: 'muted'; muted: boolean }
  | { type: 'conference'; on: boolean }
  | { type: 'wrapup'; interactionId: string; at: number }
  | { type: 'wrapupDone'; interactionId: string; at: number };

/** The phone before it has ever connected. */
export const initialPhoneState = (at: number): PhoneState => ({
  transport: 'disconnected',
  registration: 'unregistered',
  primary: null,
  consult: null,
  conference: false,
  muted: false,
  wrapup: null,
  since: at,
});

const withLeg = (leg: CallLeg | null, id: string, change: Partial<CallLeg>): CallLeg | null =>
  leg && leg.id === id ? { ...leg, ...change } : leg;

/** Applies one event; events about unknown legs change nothing. */
export function phoneReducer(state: PhoneState, event: PhoneEvent): PhoneState {
  switch (event.type) {
    case 'transport':
      return { ...state, transport: event.state };
    case 'registration':
      return { ...state, registration: event.state };
    case 'incoming':
      // A second incoming call while busy is refused by the service; the model keeps one.
      if (state.primary) return state;
      return { ...state, primary: event.leg, since: event.leg.startedAt };
    case 'outgoing':
      if (event.role === 'primary')
        return state.primary ? state : { ...state, primary: event.leg, since: event.leg.startedAt };
      return state.primary && !state.consult ? { ...state, consult: event.leg } : state;
    case 'connected': {
      const change = { state: 'connected' as const, connectedAt: event.at };
      const primary = withLeg(state.primary, event.id, change);
      const consult = withLeg(state.consult, event.id, change);
      if (primary === state.primary && consult === state.consult) return state;
      return { ...state, primary, consult, since: primary !== state.primary ? event.at : state.since };
    }
    case 'held':
    case 'resumed': {
      const leg =
        state.primary?.id === event.id
          ? state.primary
          : state.consult?.id === event.id
            ? state.consult
            : null;
      if (!leg || (leg.state !== 'connected' && leg.state !== 'held')) return state;
      const change = { state: event.type === 'held' ? ('held' as const) : ('connected' as const) };
      return {
        ...state,
        primary: withLeg(state.primary, event.id, change),
        consult: withLeg(state.consult, event.id, change),
      };
    }
    case 'ended': {
      if (state.primary?.id === event.id) {
        // The consulted party stays on the line as the agent's only call.
        const next = { ...state, primary: state.consult, consult: null, conference: false, since: event.at };
        return next.primary ? next : { ...next, muted: false };
      }
      if (state.consult?.id === event.id) return { ...state, consult: null, conference: false };
      return state;
    }
    case 'muted':
      return state.primary ? { ...state, muted: event.muted } : state;
    case 'conference':
      if (!event.on) return { ...state, conference: false };
      return state.primary?.state === 'connected' && state.consult?.state === 'connected'
        ? { ...state, conference: true }
        : state;
    case 'wrapup':
      return { ...state, wrapup: { interactionId: event.interactionId, since: event.at } };
    case 'wrapupDone':
      return state.wrapup?.interactionId === event.interactionId
        ? { ...state, wrapup: null, since: event.at }
        : state;
  }
}

const live = (leg: CallLeg | null) => leg?.state === 'connected' || leg?.state === 'held';

/** The actions the toolbar may offer in this state; the service refuses every other one. */
export function allowedActions(state: PhoneState): ReadonlySet<PhoneAction> {
  const allowed = new Set<PhoneAction>();
  const signalling = state.transport === 'connected';
  const { primary, consult, conference } = state;
  // The leg the agent talks on: the consulted party while consulting, else the primary call.
  const talking = consult ?? primary;
  // Only a routed call (one of an interaction) can be handed on: the edge refuses to transfer an
  // internal or outbound call (403), so the toolbar does not offer what would fail.
  const routed = primary?.interactionId != null;
  if (primary) allowed.add('hangup');
  if (consult) allowed.add('cancelConsult');
  if (talking?.state === 'connected' || conference) {
    allowed.add(state.muted ? 'unmute' : 'mute');
    allowed.add('dtmf');
  }
  if (signalling && primary) {
    if (primary.state === 'ringing' && primary.direction === 'incoming' && !consult) {
      allowed.add('answer');
      allowed.add('reject');
    }
    if (!consult && !conference) {
      if (primary.state === 'connected') allowed.add('hold');
      if (primary.state === 'held') allowed.add('resume');
      if (live(primary) && routed) {
        allowed.add('transfer');
        if (state.registration === 'registered') allowed.add('consult');
      }
    }
    if (consult?.state === 'connected' && primary.state === 'held' && !conference) {
      if (routed) allowed.add('completeTransfer');
      allowed.add('conference');
    }
    if (conference && routed) allowed.add('completeTransfer');
  }
  if (signalling && !primary && state.registration === 'registered') allowed.add('dial');
  if (state.wrapup && !primary) allowed.add('wrapup');
  return allowed;
}

/** True when `action` is allowed in `state`. */
export const can = (state: PhoneState, action: PhoneAction): boolean => allowedActions(state).has(action);
