import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No node: imports here: this file sits in renderer/, whose lint layer forbids Node builtins.
const here = import.meta.dirname;

// One bundle for Electron (app://) and the browser (served at /): relative asset paths, and no inline
// script anywhere in the output so the server's and the desktop's strict CSP both hold.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@contract': `${here}/../contract` } },
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
