import type { SeatBridge } from '@contract/ipc/channels';

declare global {
  interface Window {
    /** The Electron preload bridge; absent when the seat runs in a plain browser. */
    seat?: SeatBridge;
  }
}

export {};
