import type { Ctx } from './context';
import type { EventOf, RouterEvent } from './events';

/**
 * How one event type is handled: `validate` looks only and refuses bad input (throwing through
 * `refuse`), `apply` then changes state and cannot fail. Keeping the two apart is what makes a
 * refused event change nothing.
 */
export interface Handler<T extends RouterEvent['type']> {
  validate(ctx: Ctx, ev: EventOf<T>): void;
  apply(ctx: Ctx, ev: EventOf<T>): void;
}
