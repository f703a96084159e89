// The Seat server for the voice benchmark, in its own process: a fresh data dir with the demo
// tenant (whose agents have SIP credentials), durability from the command line. Prints one line
// `VOICE READY {json}` with its port; exits on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSeatServer } from '../app';

const durability = process.argv[2] === 'power' ? 'power' : 'process';
const dataDir = mkdtempSync(path.join(tmpdir(), 'seat-voice-bench-'));
const server = await createSeatServer({
  dataDir,
  port: 0,
  logLevel: 'silent',
  durability,
  scrypt: { N: 1024, r: 8, p: 1 },
  heartbeatMs: 60_000,
});
const { port } = await server.listen();
process.stdout.write(`VOICE READY ${JSON.stringify({ port, durability })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
