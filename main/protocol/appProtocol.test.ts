import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './appProtocol';

let parent: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'seat-proto-'));
  root = path.join(parent, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Seat</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(parent, 'secret.txt'), 'top secret');
  handle = createAppProtocolHandler({
    rootDir: root,
    readFile,
    contentSecurityPolicy: () => "default-src 'self'",
  });
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the entry page with our CSP', async () => {
    for (const url of ['app://seat/', 'app://seat/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(await response.text()).toContain('<title>Seat</title>');
    }
  });

  it('serves assets with their content type and no sniffing', async () => {
    const response = await get('app://seat/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers in-app routes with the entry page and missing assets with 404', async () => {
    expect(await (await get('app://seat/inbox/42')).text()).toContain('<title>Seat</title>');
    expect((await get('app://seat/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://seat/../secret.txt',
      'app://seat/%2e%2e/secret.txt',
      'app://seat/assets/%2E%2E/%2E%2E/secret.txt',
      'app://seat/..%2fsecret.txt',
    ]) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('top secret');
    }
  });

  it('refuses other hosts, other methods and malformed paths', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://seat/index.html', 'POST')).status).toBe(405);
    expect((await get('app://seat/%E0%A4%A')).status).toBe(400);
    expect((await get('app://seat/a%00.js')).status).toBe(400);
  });
});
