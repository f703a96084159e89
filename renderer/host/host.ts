import type { SeatBridge } from '@contract/ipc/channels';

/** Where the seat runs: inside the Electron app, or as the web seat in a plain browser. */
export type HostKind = 'electron' | 'browser';

/**
 * Everything the React app needs from the machine it runs on. The same methods as `window.seat`;
 * failures reject with a SeatError from the catalogue whichever host is underneath.
 */
export interface Host extends SeatBridge {
  readonly kind: HostKind;
}
