// The sandboxed preload: exposes the one typed bridge as `window.seat` and nothing else (never
// ipcRenderer itself). Bundled to CommonJS with the contract and zod by scripts/build-desktop.mjs.
import { contextBridge, ipcRenderer } from 'electron';
import { createSeatBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'seat',
  createSeatBridge(ipcRenderer, (message) => console.warn(`[seat preload] ${message}`)),
);
