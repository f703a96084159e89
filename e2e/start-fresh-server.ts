// Starts the Seat server for the e2e run on a fresh data directory, so every run sees the demo seed
// and nothing a previous run left behind. Arguments pass through to server-stub/cli.ts.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dataDirFlag = args.indexOf('--data-dir');
const dataDir = dataDirFlag >= 0 ? args[dataDirFlag + 1] : undefined;
if (!dataDir) {
  process.stderr.write(
    'start-fresh-server: --data-dir is required, so a fresh seed never wipes a real one by accident\n',
  );
  process.exit(2);
}
rmSync(path.resolve(root, dataDir), { recursive: true, force: true });

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const child = spawn(tsx, ['--tsconfig', 'server-stub/tsconfig.json', 'server-stub/cli.ts', ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
