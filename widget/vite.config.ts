import { defineConfig } from 'vite';

// No node: imports here: this file sits in widget/, whose lint layer forbids Node builtins.
const here = import.meta.dirname;

// The customer page, served by the Seat server at /widget/: relative asset paths, no inline script,
// so the server's strict CSP holds.
export default defineConfig({
  root: here,
  base: './',
  resolve: { alias: { '@contract': `${here}/../contract` } },
  build: {
    outDir: `${here}/../dist/widget`,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
