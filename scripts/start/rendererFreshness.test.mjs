import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageBuildReason, rendererBuildReason } from './rendererFreshness.mjs';

let root;
const write = (rel, at) => {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  utimesSync(file, at, at);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'seat-fresh-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('rendererBuildReason', () => {
  it('asks for a build when there is no built renderer', () => {
    write('renderer/main.tsx', 1000);
    expect(rendererBuildReason(root)).toBe('dist/renderer is missing');
  });

  it('is satisfied when the build is newer than every source', () => {
    write('renderer/main.tsx', 1000);
    write('contract/ws.ts', 1000);
    write('dist/renderer/index.html', 2000);
    expect(rendererBuildReason(root)).toBeNull();
  });

  it('asks for a build when a renderer or contract source is newer', () => {
    write('dist/renderer/index.html', 2000);
    write('renderer/cti/Toolbar.tsx', 3000);
    expect(rendererBuildReason(root)).toMatch(/changed/);
    write('renderer/cti/Toolbar.tsx', 1000);
    write('contract/ws.ts', 3000);
    expect(rendererBuildReason(root)).toMatch(/changed/);
  });

  it('does not rebuild for a changed test file', () => {
    write('dist/renderer/index.html', 2000);
    write('renderer/cti/Toolbar.test.tsx', 3000);
    expect(rendererBuildReason(root)).toBeNull();
  });
});

describe('pageBuildReason', () => {
  it('judges the customer page by its own folder and the contract, not by the seat', () => {
    write('widget/main.ts', 1000);
    write('dist/widget/index.html', 2000);
    write('renderer/cti/Toolbar.tsx', 3000);
    expect(pageBuildReason(root, 'widget')).toBeNull();
    write('widget/chat/mountChat.ts', 3000);
    expect(pageBuildReason(root, 'widget')).toBe('widget sources changed since the last build');
  });

  it('asks for a build when the customer page was never built', () => {
    write('widget/main.ts', 1000);
    expect(pageBuildReason(root, 'widget')).toBe('dist/widget is missing');
  });
});
