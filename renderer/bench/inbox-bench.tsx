import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { AllCommunityModule, ModuleRegistry, createGrid, themeQuartz } from 'ag-grid-community';
import { channels } from '@contract/agent';
import type { User } from '@contract/auth';
import type { Interaction } from '@contract/routing';
import { SeatSocket } from '../api/seat-socket';
import { realTimers } from '../api/timers';
import { createI18n } from '../i18n/create-i18n';
import { Inbox } from '../inbox/Inbox';
import type { InboxApi } from '../inbox/inbox-api';
import { toInboxRow } from '../inbox/inbox-row';
import { benchInteraction, benchInteractions, benchServiceLevelSeconds } from './bench-data';
import { LoopbackSocket } from './loopback-socket';

// The inbox benchmark page: the real Inbox (team-lead view) fed through the app's own path: the
// lead's view loaded once (list load → inbox store → batched grid transactions), then kept current
// only by interaction.update frames as the server's lead feed sends them (seat-events/
// leadInteractionFeed.ts; no periodic reload), as JSON text through SeatSocket's parse and schema check. A plain ag-grid with the same rows is
// measured first in the same page as the floor. scripts/bench-inbox.mjs drives it and reads
// window.__bench.

interface BenchResult {
  rows: number;
  firstRowsMs: number;
  firstRowsFloorMs: number;
  filterMs: number;
  filterFloorMs: number;
  updatesPerSecond: number;
  streamSeconds: number;
  updatesSent: number;
  longestTaskMs: number;
  longTasksOver50Ms: number;
  longTasks: number;
  idleLongestTaskMs: number;
}

declare global {
  interface Window {
    __bench: { done: boolean; result: BenchResult | null; error: string | null; phase: string };
  }
}

const params = new URLSearchParams(window.location.search);
const count = Number(params.get('rows') ?? 100_000);
const rate = Number(params.get('rate') ?? 1000);
const seconds = Number(params.get('seconds') ?? 10);
window.__bench = { done: false, result: null, error: null, phase: 'start' };

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves (with the time) on the first painted frame where `test` holds; gives up after `limitMs`. */
async function paintedWhen(test: () => boolean, limitMs = 120_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    await frame();
    if (test()) return performance.now();
    if (performance.now() - start > limitMs) throw new Error('timed out waiting for the page');
  }
}

/** Collects long tasks (over 50 ms: the browser's own threshold) while `work` runs. */
async function longTasksDuring(work: () => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    await work();
    await sleep(200);
  } finally {
    observer.disconnect();
  }
  return durations;
}

async function floorGrid(list: Interaction[]) {
  ModuleRegistry.registerModules([AllCommunityModule]);
  const host = document.getElementById('floor')!;
  const rows = list.map((i) => toInboxRow(i));
  const start = performance.now();
  const api = createGrid(host, {
    theme: themeQuartz,
    rowData: rows,
    getRowId: ({ data }) => data.id,
    columnDefs: [
      { field: 'unread' },
      { field: 'channel' },
      { field: 'customer', flex: 1 },
      { field: 'subject', flex: 2 },
      { field: 'queueId' },
      { field: 'state' },
      { field: 'updatedAt' },
      { field: 'priority', sort: 'desc' },
      { field: 'slaDueAt' },
      { field: 'expiresAt' },
      { field: 'agentId' },
    ],
  });
  const firstRows = (await paintedWhen(() => host.querySelector('.ag-row') !== null)) - start;
  const filterStart = performance.now();
  api.setGridOption('quickFilterText', 'Customer 4242');
  const filter = (await paintedWhen(() => api.getDisplayedRowCount() < rows.length)) - filterStart;
  api.destroy();
  host.remove();
  return { firstRows, filter };
}

function setInput(input: HTMLInputElement, value: string) {
  // React listens for input events; set the value the way a typing user's browser does.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function run(): Promise<BenchResult> {
  const at = Date.now();
  const list = benchInteractions(count, at);
  window.__bench.phase = 'floor';
  const floor = await floorGrid(list);

  window.__bench.phase = 'load';
  const current = new Map(list.map((i) => [i.id, i]));
  let server: LoopbackSocket | null = null;
  const timers = realTimers();
  const socket = new SeatSocket({
    url: 'ws://bench.invalid/ws',
    createSocket: () => (server = new LoopbackSocket()),
    timers,
  });
  const user: User = {
    id: 'lead',
    tenantId: 'bench',
    username: 'lead01',
    displayName: 'Lead',
    role: 'team_lead',
    agentId: null,
  };
  const api: InboxApi = {
    // Like the server, the list answers with the interactions as they stand now (the stream changes them).
    listInteractions: () => Promise.resolve([...current.values()]),
    listQueues: () =>
      Promise.resolve(
        Array.from({ length: 6 }, (_, q) => ({
          id: `q${q}`,
          name: `Queue ${q}`,
          serviceLevelSeconds: benchServiceLevelSeconds,
          channels: [...channels],
          priority: 0,
          requiredSkills: [],
        })),
      ),
    agentNames: () => Promise.resolve(new Map(Array.from({ length: 24 }, (_, a) => [`a${a}`, `Agent ${a}`]))),
  };
  socket.connect();
  const root = document.getElementById('root')!;
  const start = performance.now();
  createRoot(root).render(
    <I18nextProvider i18n={createI18n('en')}>
      <Inbox user={user} socket={socket} api={api} timers={timers} now={() => Date.now()} />
    </I18nextProvider>,
  );
  const firstRows = (await paintedWhen(() => root.querySelector('.ag-row') !== null)) - start;
  const counter = () => root.querySelector('[data-testid=inbox-count]');
  const shown = () => Number(counter()?.getAttribute('data-shown') ?? 0);
  const total = () => Number(counter()?.getAttribute('data-total') ?? 0);
  await paintedWhen(() => total() === count);

  window.__bench.phase = 'filter';
  const search = root.querySelector<HTMLInputElement>('[data-testid=inbox-search]')!;
  const filterStart = performance.now();
  setInput(search, 'Customer 4242');
  const filter = (await paintedWhen(() => shown() > 0 && shown() < count)) - filterStart;
  setInput(search, '');
  await paintedWhen(() => shown() === count);

  window.__bench.phase = 'idle';
  const idle = await longTasksDuring(() => sleep(2000));

  window.__bench.phase = 'stream';
  let sent = 0;
  const perTick = Math.max(1, Math.round(rate / 20));
  const tasks = await longTasksDuring(async () => {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const tickStart = performance.now();
      for (let k = 0; k < perTick; k++) {
        const n = (sent * 7919) % count;
        const state = sent % 2 === 0 ? 'active' : 'held';
        const interaction = benchInteraction(n, at, {
          state,
          agentId: `a${n % 24}`,
          updatedAt: new Date().toISOString(),
        });
        current.set(interaction.id, interaction);
        // Each frame in its own task, as WebSocket messages arrive: the harness's loop is not the seat's work.
        setTimeout(() => server?.deliver({ type: 'interaction.update', interaction }), 0);
        sent++;
      }
      await sleep(Math.max(0, 50 - (performance.now() - tickStart)));
    }
  });

  return {
    rows: count,
    firstRowsMs: round(firstRows),
    firstRowsFloorMs: round(floor.firstRows),
    filterMs: round(filter),
    filterFloorMs: round(floor.filter),
    updatesPerSecond: rate,
    streamSeconds: seconds,
    updatesSent: sent,
    longestTaskMs: round(Math.max(0, ...tasks)),
    longTasksOver50Ms: tasks.filter((d) => d > 50).length,
    longTasks: tasks.length,
    idleLongestTaskMs: round(Math.max(0, ...idle)),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

run().then(
  (result) => {
    window.__bench.result = result;
    window.__bench.done = true;
  },
  (error: unknown) => {
    window.__bench.error = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    window.__bench.done = true;
  },
);
