// `npm start`: builds what is stale, starts the routing server on its embedded defaults (SQLite
// under ./data, demo data), then launches the desktop app. Where the Electron binary is missing it
// tries the download once (Electron 45+ fetches its binary on first run, not at install); where that
// fails (no internet) it prints one line with the web seat's URL and keeps the server in the
// foreground until Ctrl-C, which it passes on to the server.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildDesktop } from './build-desktop.mjs';
import { fetchElectronBinary, forwardSignals, startServer } from './start/childProcesses.mjs';
import { findElectronBinary } from './start/electronBinary.mjs';
import { pageBuildReason } from './start/rendererFreshness.mjs';
import { parseStartArgs, startUsage, webSeatLine } from './start/startArgs.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

/** Whether the desktop app can start, fetching a missing binary first unless told not to. */
async function electronAvailability(options) {
  let found = findElectronBinary({ electronDir });
  if (!found.ok && options.fetchElectron) {
    console.log(
      `Fetching the Electron binary (at most ${options.fetchTimeoutMs / 1000} s; --no-fetch-electron skips this)…`,
    );
    const fetched = await fetchElectronBinary({ electronDir, timeoutMs: options.fetchTimeoutMs });
    found = fetched.ok ? findElectronBinary({ electronDir }) : { ok: false, reason: fetched.reason };
  }
  return found;
}

/** Resolves with the exit code of a child once it ends. */
const exited = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
    else child.once('exit', (code) => resolve(code ?? 0));
  });

async function main() {
  let options;
  try {
    options = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${error.message}\n${startUsage}`);
  }
  if (options.help) {
    console.log(startUsage);
    return;
  }

  for (const [page, label] of [
    ['renderer', 'the web seat'],
    ['widget', 'the customer page'],
  ]) {
    const stale = pageBuildReason(root, page);
    if (!stale) continue;
    console.log(`Building ${label} (${stale})…`);
    const built = spawnSync('npm', ['run', '--silent', `build:${page}`], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (built.status !== 0) fail(`${label} did not build; see the errors above`);
  }

  const server = startServer({
    command: bin('tsx'),
    // The server's tsconfig maps @contract/*, which tsx needs to resolve the contract imports.
    args: [
      '--tsconfig',
      path.join('server-stub', 'tsconfig.json'),
      path.join('server-stub', 'cli.ts'),
      ...options.serverArgs,
    ],
    cwd: root,
  });
  const stopForwarding = forwardSignals(server.child);
  let url;
  try {
    url = await server.ready;
  } catch (error) {
    fail(error.message);
  }

  const electron = options.web
    ? { ok: false, reason: 'started with --web' }
    : await electronAvailability(options);
  if (!electron.ok) {
    console.log(webSeatLine(electron.reason, url));
    const code = await exited(server.child);
    stopForwarding();
    process.exitCode = code;
    return;
  }

  await buildDesktop(root);
  const app = spawn(electron.executable, [root], {
    cwd: root,
    stdio: 'inherit',
    // The default server URL of a fresh install is where this server listens.
    env: { ...process.env, SEAT_SERVER_URL: url },
  });
  const stopApp = forwardSignals(app);
  const appCode = await exited(app);
  stopApp();
  // The app is closed: the server it was started for goes too.
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  await exited(server.child);
  stopForwarding();
  process.exitCode = appCode;
}

main().catch((error) => fail(error.stack ?? String(error)));
