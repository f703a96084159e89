import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchElectronBinary, forwardSignals, startServer } from './childProcesses.mjs';

let dir;
const sink = () => {
  const lines = [];
  return { lines, stream: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }) };
};
const script = (name, body) => {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'seat-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startServer', () => {
  it('resolves with the URL the server prints and passes its output through', async () => {
    const file = script(
      'ready.mjs',
      `console.log('migrating'); console.log('Seat server listening on http://127.0.0.1:7999'); setTimeout(() => {}, 20000);`,
    );
    const out = sink();
    const { child, ready } = startServer({
      command: process.execPath,
      args: [file],
      cwd: dir,
      output: out.stream,
    });
    await expect(ready).resolves.toBe('http://127.0.0.1:7999/');
    expect(out.lines.join('')).toContain('migrating');
    child.kill('SIGTERM');
  });

  it('rejects when the server exits before it is ready', async () => {
    const file = script('dies.mjs', `console.error('port in use'); process.exit(3);`);
    const { ready } = startServer({
      command: process.execPath,
      args: [file],
      cwd: dir,
      output: sink().stream,
    });
    await expect(ready).rejects.toThrow(/exited before it was ready \(code 3\)/);
  });

  it('gives up on a silent server and stops it', async () => {
    const file = script('silent.mjs', `setTimeout(() => {}, 20000);`);
    const { child, ready } = startServer({
      command: process.execPath,
      args: [file],
      cwd: dir,
      output: sink().stream,
      timeoutMs: 300,
    });
    await expect(ready).rejects.toThrow(/did not say it was listening/);
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve),
    );
    expect(child.signalCode).toBe('SIGTERM');
  });
});

describe('fetchElectronBinary', () => {
  it('stops an installer that takes longer than allowed', async () => {
    const fakeElectron = mkdtempSync(path.join(dir, 'electron-'));
    writeFileSync(path.join(fakeElectron, 'install.js'), 'setTimeout(() => {}, 20000);');
    await expect(fetchElectronBinary({ electronDir: fakeElectron, timeoutMs: 300 })).resolves.toEqual({
      ok: false,
      reason: 'download gave up after 0.3 s',
    });
  });

  it('reports the message of a failed installer, not its stack', async () => {
    const fakeElectron = mkdtempSync(path.join(dir, 'electron-'));
    writeFileSync(
      path.join(fakeElectron, 'install.js'),
      `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici:1:1\\n    at async download (x.js:2:3)'); process.exit(1);`,
    );
    await expect(fetchElectronBinary({ electronDir: fakeElectron, timeoutMs: 10_000 })).resolves.toEqual({
      ok: false,
      reason: 'download failed: TypeError: fetch failed',
    });
  });
});

describe('forwardSignals', () => {
  it('passes SIGINT and SIGTERM to a running child until disposed', () => {
    const proc = new EventEmitter();
    const child = { exitCode: null, signalCode: null, kill: vi.fn() };
    const dispose = forwardSignals(child, proc);
    proc.emit('SIGINT');
    proc.emit('SIGTERM');
    expect(child.kill.mock.calls).toEqual([['SIGINT'], ['SIGTERM']]);
    dispose();
    expect(proc.listenerCount('SIGINT')).toBe(0);
  });

  it('does not signal a child that has already exited', () => {
    const proc = new EventEmitter();
    const child = { exitCode: 0, signalCode: null, kill: vi.fn() };
    forwardSignals(child, proc);
    proc.emit('SIGINT');
    expect(child.kill).not.toHaveBeenCalled();
  });
});
