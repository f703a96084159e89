import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSeatServer, type SeatServer } from '../app';
import type { SeatServerOptions } from '../options';
import { testScrypt } from './seededStore';

/** A server on a temp data dir with a settable clock and predictable ids, and its disposer. */
export async function startTestServer(overrides: Partial<SeatServerOptions> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seat-app-'));
  const clock = { now: Date.parse('2026-03-02T09:00:00Z') };
  let counter = 0;
  const server: SeatServer = await createSeatServer({
    dataDir,
    logLevel: 'silent',
    scrypt: testScrypt,
    webRoot: path.join(dataDir, 'no-web-root'),
    widgetRoot: path.join(dataDir, 'no-widget-root'),
    now: () => clock.now,
    generateId: () => `id-${++counter}`,
    generateToken: () => `tok-${++counter}-${'t'.repeat(24)}`,
    ...overrides,
  });
  const login = async (username: string, password = 'seat-demo') => {
    const reply = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (reply.statusCode !== 200) throw new Error(`login ${username} failed: ${reply.body}`);
    return (reply.json() as { token: string }).token;
  };
  const dispose = async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, clock, login, dispose, dataDir };
}
