// The routing server under benchmark, in its own process: a fresh data dir with the demo tenant
// and a bench tenant of N agents, durability from the command line. Prints one line
// `BENCH READY {json}` with the port and tokens. Reads commands on stdin: `eld-reset` starts a
// fresh event-loop delay histogram and GC tally (answers `ELD RESET`), `eld-report` prints
// `ELD {json}` (milliseconds, with the garbage collections and their total pause since the reset).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createSeatServer } from '../app';
import { openSqliteStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { seedBenchTenant } from './benchTenant';

const agents = Number(process.argv[2] ?? 2000);
const durability = process.argv[3] === 'power' ? 'power' : 'process';
const dataDir = mkdtempSync(path.join(tmpdir(), 'seat-bench-'));

const store = openSqliteStore(dataDir);
await migrateToLatest(store.db);
const tenant = await seedBenchTenant(store, agents, Date.now());
await store.close();

const server = await createSeatServer({
  dataDir,
  port: 0,
  logLevel: 'silent',
  durability,
  scrypt: { N: 1024, r: 8, p: 1 },
  heartbeatMs: 60_000,
});
const { port } = await server.listen();
let eld = monitorEventLoopDelay({ resolution: 1 });
eld.enable();
const gc = { count: 0, ms: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.ms += entry.duration;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
process.stdout.write(`BENCH READY ${JSON.stringify({ port, durability, ...tenant })}\n`);

const ms = (ns: number) => Math.round((ns / 1e6) * 1000) / 1000;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'eld-reset') {
    eld.disable();
    eld = monitorEventLoopDelay({ resolution: 1 });
    eld.enable();
    gc.count = 0;
    gc.ms = 0;
    process.stdout.write('ELD RESET\n');
  } else if (line === 'eld-report') {
    process.stdout.write(
      `ELD ${JSON.stringify({ p50Ms: ms(eld.percentile(50)), p99Ms: ms(eld.percentile(99)), maxMs: ms(eld.max), meanMs: ms(eld.mean), gcCount: gc.count, gcMs: Math.round(gc.ms * 10) / 10 })}\n`,
    );
  }
});
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
