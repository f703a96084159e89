import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electronBinary.mjs';

const dir = '/repo/node_modules/electron';
const fs = (files) => ({ fileExists: (p) => p in files, readText: (p) => files[p] });

describe('findElectronBinary', () => {
  it('finds the binary named in path.txt under dist', () => {
    const files = {
      [path.join(dir, 'package.json')]: '{}',
      [path.join(dir, 'path.txt')]: 'electron\n',
      [path.join(dir, 'dist', 'electron')]: '',
    };
    expect(findElectronBinary({ electronDir: dir, env: {}, ...fs(files) })).toEqual({
      ok: true,
      executable: path.join(dir, 'dist', 'electron'),
    });
  });

  it('says the binary was never downloaded when there is no path.txt', () => {
    const result = findElectronBinary({
      electronDir: dir,
      env: {},
      ...fs({ [path.join(dir, 'package.json')]: '{}' }),
    });
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/never downloaded/);
  });

  it('says the binary is missing when path.txt points at nothing', () => {
    const files = { [path.join(dir, 'package.json')]: '{}', [path.join(dir, 'path.txt')]: 'electron' };
    expect(findElectronBinary({ electronDir: dir, env: {}, ...fs(files) })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/missing/),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const files = { [path.join(dir, 'package.json')]: '{}', '/opt/electron/electron': '' };
    expect(
      findElectronBinary({
        electronDir: dir,
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        ...fs(files),
      }),
    ).toEqual({
      ok: true,
      executable: '/opt/electron/electron',
    });
    expect(
      findElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, ...fs(files) })
        .ok,
    ).toBe(false);
  });

  it('reports an electron package that is not installed', () => {
    expect(findElectronBinary({ electronDir: dir, env: {}, ...fs({}) })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not installed/),
    });
  });

  it('agrees with this checkout: here the binary is absent', () => {
    const result = findElectronBinary({ electronDir: path.resolve('node_modules/electron'), env: {} });
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});
