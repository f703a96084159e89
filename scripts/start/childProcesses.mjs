// Child processes of `npm start`: the server (ready when it prints its URL) and the optional,
// time-bounded download of the Electron binary.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readyUrlFromLine } from './startArgs.mjs';

/**
 * Starts a server command and resolves with its URL once it prints the ready line. Its output is
 * passed through. Rejects if it exits or stays silent past `timeoutMs` (and then stops it).
 * @param {{ command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, output?: NodeJS.WritableStream }} options
 * @returns {{ child: import('node:child_process').ChildProcess, ready: Promise<string> }}
 */
export function startServer({
  command,
  args,
  cwd,
  env = process.env,
  timeoutMs = 60_000,
  output = process.stdout,
}) {
  // Its own process group: Ctrl-C in the terminal reaches only `npm start`, which passes it on once
  // (a second SIGINT would cut the server's graceful shutdown short). An exit of ours stops it too.
  const detached = process.platform !== 'win32';
  const child = spawn(command, args, { cwd, env, detached, stdio: ['ignore', 'pipe', 'inherit'] });
  const stopWithUs = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopWithUs);
  child.once('exit', () => process.removeListener('exit', stopWithUs));
  const ready = new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn(value);
    };
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      settle(reject, new Error(`the server did not say it was listening within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.write(`${line}\n`);
      const url = readyUrlFromLine(line);
      if (url) settle(resolve, url);
    });
    child.on('error', (error) => settle(reject, new Error(`the server could not start: ${error.message}`)));
    child.on('exit', (code, signal) =>
      settle(reject, new Error(`the server exited before it was ready (${signal ?? `code ${code}`})`)),
    );
  });
  return { child, ready };
}

/** The first line of a Node error report that is not a stack frame (its message), if any. */
export function firstErrorLine(text) {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('at ')) ?? null
  );
}

/**
 * Runs electron's own installer once (it downloads the binary from the release host), stopped
 * after `timeoutMs`. Without internet access it fails within a second.
 * @returns {Promise<{ ok: boolean, reason?: string }>}
 */
export function fetchElectronBinary({ electronDir, timeoutMs, nodePath = process.execPath }) {
  return new Promise((resolve) => {
    const child = spawn(nodePath, [path.join(electronDir, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      // The error's message comes first; the stack after it is not needed.
      stderr = (stderr + chunk).slice(0, 4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `download could not start: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else if (signal) resolve({ ok: false, reason: `download gave up after ${timeoutMs / 1000} s` });
      else
        resolve({
          ok: false,
          reason: `download failed: ${firstErrorLine(stderr) ?? `exit code ${code}`}`,
        });
    });
  });
}

/**
 * Passes Ctrl-C and SIGTERM on to a child and lets the parent exit with the child's status.
 * Returns the disposer removing the signal handlers.
 */
export function forwardSignals(child, proc = process) {
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const handlers = { SIGINT: forward('SIGINT'), SIGTERM: forward('SIGTERM') };
  for (const [signal, handler] of Object.entries(handlers)) proc.on(signal, handler);
  return () => {
    for (const [signal, handler] of Object.entries(handlers)) proc.removeListener(signal, handler);
  };
}
