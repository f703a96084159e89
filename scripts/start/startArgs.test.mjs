import { describe, expect, it } from 'vitest';
import { parseStartArgs, readyUrlFromLine, webSeatLine } from './startArgs.mjs';

describe('parseStartArgs', () => {
  // A fresh machine has no Electron binary until its first run fetches it; where the fetch fails
  // (no internet) start falls back to the web seat.
  it('defaults to launching the desktop app, fetching a missing binary first', () => {
    expect(parseStartArgs([])).toEqual({
      help: false,
      web: false,
      fetchElectron: true,
      fetchTimeoutMs: 300_000,
      serverArgs: [],
    });
  });

  it('skips the fetch when told to', () => {
    expect(parseStartArgs(['--no-fetch-electron']).fetchElectron).toBe(false);
  });

  it('keeps its own options and passes every other argument to the server in order', () => {
    expect(
      parseStartArgs(['--port', '7500', '--web', '--host=0.0.0.0', '--fetch-electron', '--fetch-timeout=30']),
    ).toEqual({
      help: false,
      web: true,
      fetchElectron: true,
      fetchTimeoutMs: 30_000,
      serverArgs: ['--port', '7500', '--host=0.0.0.0'],
    });
  });

  it('refuses a fetch timeout that is not a sensible number of seconds', () => {
    for (const bad of [
      ['--fetch-timeout', 'soon'],
      ['--fetch-timeout=0'],
      ['--fetch-timeout'],
      ['--fetch-timeout=99999'],
    ]) {
      expect(() => parseStartArgs(bad), bad.join(' ')).toThrow(/fetch-timeout/);
    }
  });
});

describe('readyUrlFromLine', () => {
  it('reads the URL from the server ready line', () => {
    expect(readyUrlFromLine('Seat server listening on http://127.0.0.1:7420')).toBe('http://127.0.0.1:7420/');
    expect(readyUrlFromLine('{"level":30,"msg":"x"} Seat server listening on http://localhost:7500/')).toBe(
      'http://localhost:7500/',
    );
  });

  it('turns an all-interfaces address into one a browser here can open', () => {
    expect(readyUrlFromLine('Seat server listening on http://0.0.0.0:7420')).toBe('http://127.0.0.1:7420/');
  });

  it('ignores every other line', () => {
    expect(readyUrlFromLine('migrations applied')).toBeNull();
    expect(readyUrlFromLine('Seat server listening on nowhere')).toBeNull();
  });
});

describe('webSeatLine', () => {
  it('is one line with the reason and the URL', () => {
    const line = webSeatLine('no binary', 'http://127.0.0.1:7420/');
    expect(line).toBe(
      'Electron binary not available (no binary); open the web seat at http://127.0.0.1:7420/',
    );
    expect(line).not.toContain('\n');
  });
});
