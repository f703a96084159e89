// `npm run bench:routing`: one JSON object with the pure engine's figures (its own bench, run as a
// child) and the server end to end over loopback WebSockets with 2,000 connected agents, durability
// on (every event in the SQLite log before any effect), each beside a raw `ws` echo floor measured
// in the same run. Server, echo server and load generator are separate processes (2 cores: no
// shared event loop). Options: --agents N, --rate R, --seconds S, --durability process|power.
// SEAT_BENCH_SERVER_NODE_ARGS (space-separated) goes to the server's node, e.g. to profile it:
// SEAT_BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench:routing
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startTsChild, type StartedChild } from './childProcess';
import { measureEchoFloor } from './echoFloor';
import { startLoad } from './endToEnd';
import { round } from './stats';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '8' },
    durability: { type: 'string', default: 'process' },
    'skip-engine': { type: 'boolean', default: false },
  },
});
const agents = Number(values.agents);
const rate = Number(values.rate);
const phaseMs = Number(values.seconds) * 1000;
const root = path.resolve(import.meta.dirname, '../..');
const tsconfig = path.join(root, 'server-stub/tsconfig.json');
const children: StartedChild[] = [];
// Whatever happens, no server or echo process outlives the benchmark.
process.on('exit', () => {
  for (const c of children) c.child.kill('SIGKILL');
});
const log = (line: string) => process.stderr.write(`${line}\n`);

// 1. The floor: a raw ws echo server in its own process, as many connections as agents.
log('echo floor…');
const echo = await startTsChild(
  path.join(import.meta.dirname, 'echoServer.ts'),
  [],
  /echo listening on (\d+)/,
  { cwd: root },
);
children.push(echo);
const floor = await measureEchoFloor({
  url: `ws://127.0.0.1:${echo.match[1]}`,
  connections: agents,
  payloadBytes: 600,
  ratePerSecond: rate,
  pacedMs: Math.min(phaseMs, 5000),
  saturatedMs: Math.min(phaseMs, 5000),
  window: 4,
});
await echo.stop();

// 2. The server end to end.
log(`server with ${agents} agents (${values.durability} durability)…`);
const server = await startTsChild(
  path.join(import.meta.dirname, 'benchServer.ts'),
  [String(agents), values.durability],
  /BENCH READY (\{.*\})/,
  {
    cwd: root,
    tsconfig,
    timeoutMs: 120_000,
    nodeArgs: (process.env.SEAT_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  },
);
children.push(server);
const target = JSON.parse(server.match[1]!) as {
  port: number;
  queueId: string;
  adminToken: string;
  agentTokens: string[];
  durability: string;
};
const load = await startLoad(target);
log('warm-up…');
await load.paced(Math.min(rate, 200), 1500);
// Half the target first: a phase above capacity leaves a backlog that would colour the next one.
const phase = async (perSecond: number) => {
  log(`paced at ${perSecond}/s…`);
  await server.ask('eld-reset', /ELD RESET/);
  const result = await load.paced(perSecond, phaseMs);
  const eld = JSON.parse((await server.ask('eld-report', /ELD (\{.*\})/))[1]!) as Record<string, number>;
  const drained = await load.drain(60_000);
  return { ...result, ...load.latency(), allOffered: drained, serverEventLoopDelay: eld };
};
const pacedHalf = await phase(rate / 2);
const paced = await phase(rate);
log('saturated…');
await server.ask('eld-reset', /ELD RESET/);
const saturated = await load.saturated(64, Math.min(phaseMs, 8000));
const saturatedEld = JSON.parse((await server.ask('eld-report', /ELD (\{.*\})/))[1]!) as Record<
  string,
  number
>;
const errorFrames = load.errorFrames();
load.close();
await server.stop();

// 3. The engine alone (its own benchmark script).
let engine: unknown = null;
if (!values['skip-engine']) {
  log('engine…');
  const run = spawnSync('npm', ['run', '--silent', 'bench:routing:engine'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = run.stdout.trim();
  try {
    engine = JSON.parse(text.slice(text.indexOf('{')));
  } catch {
    engine = { error: `exit ${run.status}`, stderr: run.stderr.slice(-1000) };
  }
}

const serverMessagesPerSecond = saturated.serverFramesPerSecond + saturated.seatFramesPerSecond;
console.log(
  JSON.stringify(
    {
      benchmark: 'routing',
      machine: { cores: os.cpus().length, node: process.version },
      engine,
      endToEnd: {
        agents,
        durability: target.durability,
        pacedAtHalfRate: pacedHalf,
        paced,
        saturated: { ...saturated, serverMessagesPerSecond, serverEventLoopDelay: saturatedEld },
        errorFrames,
      },
      floor,
      verdict: {
        offerP99VersusEchoP99: round(paced.offerLatencyP99Ms / Math.max(floor.roundTripP99Ms, 0.001), 2),
        offerP99Under20MsAtTargetRate: paced.offerLatencyP99Ms < 20 && paced.createdPerSecond >= rate * 0.95,
        offerP99Under20MsAtHalfRate: pacedHalf.offerLatencyP99Ms < 20,
        serverMessagesVersusEchoThroughput: round(
          serverMessagesPerSecond / Math.max(floor.throughputMessagesPerSecond, 1),
          3,
        ),
        atLeastHalfEchoThroughput: serverMessagesPerSecond >= floor.throughputMessagesPerSecond / 2,
      },
    },
    null,
    2,
  ),
);
