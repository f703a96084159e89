import type { Decision } from './decisions';

/** Codes the engine answers bad input with; the server maps each to the catalogue in contract/errors.ts. */
export const routingErrorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_QUEUE',
  'UNKNOWN_AGENT',
  'UNKNOWN_SKILL',
  'UNKNOWN_INTERACTION',
  'UNKNOWN_REASON',
  'UNKNOWN_DISPOSITION',
  'INVALID_TRANSITION',
  'OFFER_EXPIRED',
  'AGENT_UNAVAILABLE',
  'DUPLICATE',
  'INVALID_CONFIG',
] as const;
export type RoutingErrorCode = (typeof routingErrorCodes)[number];

/** Why an event was refused; the engine's state is exactly as before the event. */
export interface RoutingError {
  code: RoutingErrorCode;
  message: string;
}

/** What `handle` returns: the decisions to carry out, or why nothing happened. */
export type RouterResult = { ok: true; decisions: Decision[] } | { ok: false; error: RoutingError };

/** Thrown inside validation only, before any mutation, and turned into a failed result by the router. */
export class RoutingRefusal extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoutingRefusal';
  }
}

/** Refuses the current event: call only while validating, before anything has changed. */
export function refuse(code: RoutingErrorCode, message: string): never {
  throw new RoutingRefusal(code, message);
}
