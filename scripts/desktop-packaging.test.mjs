// Checks electron-builder.yml and the installer resources in build/ with electron-builder's own
// loader and schema, since no installer can be built here (no Electron binary, no signing).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawIcon } from '../build/make-icon.mjs';

const root = path.resolve(import.meta.dirname, '..');
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js');
const { DebugLogger } = requireFromBuilder('builder-util');

let config;
beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

const targetNames = (targets) => targets.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  }, 120_000); // the first validation compiles electron-builder's large schema: seconds on a busy machine

  it('would be caught by that validation if it had a misspelt option', async () => {
    const broken = { ...structuredClone(config), nsis: { ...config.nsis, oneclick: false } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('pins the Electron version installed in node_modules', () => {
    const installed = JSON.parse(
      readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ).version;
    expect(config.electronVersion).toBe(installed);
  });

  it('names the app and writes installers to release/', () => {
    expect(config.appId).toBe('org.seat.workstation');
    expect(config.productName).toBe('Seat');
    expect(config.directories.output).toBe('release');
  });

  it('builds NSIS (per machine, not one-click) and MSI for Windows', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(existsSync(path.join(root, config.nsis.include))).toBe(true);
  });

  it('builds a hardened-runtime dmg for macOS that explains the microphone', () => {
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    const entitlements = readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.device.audio-input</key>');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(entitlements).not.toContain('com.apple.security.device.camera');
    expect(entitlements).not.toContain('disable-library-validation');
  });

  it('builds AppImage and deb for Linux with a desktop category', () => {
    expect(targetNames(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
  });

  it('ships only the built app, never node_modules or source maps', () => {
    expect(config.files[0].filter).toEqual(
      expect.arrayContaining([
        'dist/main/**',
        'dist/preload/**',
        'dist/renderer/**',
        '!node_modules{,/**}',
        '!**/*.map',
      ]),
    );
    expect(config.npmRebuild).toBe(false);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/main.cjs');
  });
});

describe('app icon', () => {
  it('is the 512×512 RGBA PNG that build/make-icon.mjs draws', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6); // colour type RGBA
    expect(png.equals(drawIcon())).toBe(true);
  });

  it('decodes to an opaque tile with transparent corners', () => {
    const png = drawIcon();
    const idat = png.subarray(33 + 8, png.length - 12 - 4);
    const raw = inflateSync(idat);
    const alphaAt = (x, y) => raw[y * (512 * 4 + 1) + 1 + x * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(256, 100)).toBe(255);
  });
});
