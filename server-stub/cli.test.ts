import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(tsx, ['--tsconfig', 'server-stub/tsconfig.json', 'server-stub/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, SEAT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Created on demand: a child expected to fail must not leave a rejected promise nobody awaits.
  const ready = () =>
    new Promise<string>((resolve, reject) => {
      onData();
      function onData() {
        const match = /Seat server listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      }
      child.stdout?.on('data', onData);
      void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('seat server CLI', () => {
  it(
    'starts on a free port, answers /healthz, and shuts down cleanly on SIGTERM closing sockets with 1001',
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'seat-cli-'));
      dirs.push(dataDir);
      const cli = startCli(['--port', '0', '--data-dir', dataDir]);
      const url = await cli.ready();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(url).not.toMatch(/:0$/);

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });

      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent01', password: 'seat-demo' }),
      });
      const { token } = (await login.json()) as { token: string };
      const socket = new WebSocket(`${url.replace('http', 'ws')}/ws?token=${token}`);
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const closeCode = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

      cli.child.kill('SIGTERM');
      expect(await closeCode).toBe(1001);
      expect(await cli.exited).toBe(0);
    },
  );

  it('exits with code 2 and a clear message for a bad port', { timeout: 30_000 }, async () => {
    const cli = startCli(['--port', 'abc']);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/--port must be a whole number from 0 to 65535, got 'abc'/);
    const env = startCli([], { SEAT_PORT: '70000' });
    expect(await env.exited).toBe(2);
    expect(env.output().stderr).toMatch(/SEAT_PORT/);
  });
});
