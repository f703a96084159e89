// `npm run bench:inbox`: the inbox in Chromium with 100,000 interactions, through the app's own
// list-load and frame path (renderer/bench/inbox-bench.tsx): time to first rendered rows, time to
// filter, and the longest main-thread task while 1,000 row updates per second stream in for 10 s
// (aim: none over 50 ms). Floors from the same run: a plain ag-grid with the same rows, and the
// longest task of the loaded page while idle. Then the chat latency part (`npm run bench:chat`:
// customer → agent p50/p99 beside the raw WebSocket round trip). Prints one JSON document.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const pageDir = path.join(root, 'renderer', 'bench');
const outDir = path.join(root, 'dist', 'bench-inbox');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 100_000);
const rate = arg('rate', 1000);
const seconds = arg('seconds', 10);

async function buildPage() {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: pageDir,
    base: './',
    plugins: [react()],
    resolve: { alias: { '@contract': path.join(root, 'contract') } },
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: path.join(pageDir, 'inbox-bench.html') },
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 4096,
      // Readable names in a profile (SEAT_BENCH_PROFILE); the shipped seat stays minified.
      minify: !process.env.SEAT_BENCH_PROFILE,
    },
  });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built page from loopback; returns its URL and the closer. */
function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(outDir, path.normalize(url.pathname === '/' ? '/inbox-bench.html' : url.pathname));
    if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

async function inboxPart() {
  await buildPage();
  const site = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1700 } });
    page.on('pageerror', (error) => process.stderr.write(`[bench page] ${error.message}\n`));
    // SEAT_BENCH_PROFILE=<file>: a CPU profile of the whole page run, for finding what a long task does.
    const profileTo = process.env.SEAT_BENCH_PROFILE;
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(`${site.url}?rows=${rows}&rate=${rate}&seconds=${seconds}`);
    await page.waitForFunction(() => globalThis.__bench?.done === true, null, {
      timeout: 300_000,
      polling: 500,
    });
    if (cdp) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const { result, error } = await page.evaluate(() => globalThis.__bench);
    if (error) throw new Error(`bench page failed: ${error}`);
    return result;
  } finally {
    await browser.close();
    site.close();
  }
}

function chatPart() {
  const r = spawnSync('npm', ['run', '--silent', 'bench:chat'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = r.stdout.trim();
  const start = text.lastIndexOf('\n{') + 1;
  try {
    return JSON.parse(text.slice(text.indexOf('{', start)));
  } catch {
    return { error: `bench:chat exited ${r.status}`, stderr: r.stderr.slice(-2000) };
  }
}

const inbox = await inboxPart();
const chat = chatPart();
const result = {
  bench: 'inbox',
  rows: inbox.rows,
  timeToFirstRowsMs: {
    value: inbox.firstRowsMs,
    floor: inbox.firstRowsFloorMs,
    floorIs: 'plain ag-grid, same rows',
  },
  timeToFilterMs: {
    value: inbox.filterMs,
    floor: inbox.filterFloorMs,
    floorIs: 'plain ag-grid quick filter',
  },
  stream: {
    updatesPerSecond: inbox.updatesPerSecond,
    seconds: inbox.streamSeconds,
    updatesSent: inbox.updatesSent,
    longestTaskMs: {
      value: inbox.longestTaskMs,
      floor: inbox.idleLongestTaskMs,
      floorIs: 'same page idle',
      aim: 50,
    },
    longTasksOver50Ms: inbox.longTasksOver50Ms,
    aimMet: inbox.longestTaskMs <= 50,
  },
  chat,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
