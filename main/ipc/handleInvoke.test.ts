import { SeatError } from '@contract/errors';
import { defaultSettings } from '@contract/ipc/settings';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../appOrigin';
import { fakeIpcMain, recordingLogger } from '../testing/fakes';
import { handleInvoke } from './handleInvoke';

const own = 'app://seat/index.html';

function setup<T>(handler: (...args: never[]) => T) {
  const { ipcMain, invoke, handlers } = fakeIpcMain();
  const log = recordingLogger();
  const spy = vi.fn(handler);
  const dispose = handleInvoke(ipcMain, 'settings:set', spy as never, { isTrustedSender: isAppUrl, log });
  return { invoke, handlers, log, spy, dispose };
}

describe('handleInvoke', () => {
  it('passes valid arguments from our own page to the handler and returns its result', async () => {
    const { invoke, spy } = setup(() => ({ ...defaultSettings, language: 'en' }));
    const reply = await invoke('settings:set', own, { language: 'en' });
    expect(spy).toHaveBeenCalledWith({ language: 'en' });
    expect(reply).toEqual({ ok: true, value: { ...defaultSettings, language: 'en' } });
  });

  it('refuses a foreign sender with IPC_SENDER_REJECTED without calling the handler', async () => {
    const { invoke, spy, log } = setup(() => defaultSettings);
    for (const sender of [
      'https://evil.example/',
      'app://seat.evil/index.html',
      'file:///tmp/x.html',
      '',
      null,
    ]) {
      const reply = await invoke('settings:set', sender, { language: 'en' });
      expect(reply, String(sender)).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
    }
    expect(spy).not.toHaveBeenCalled();
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(5);
  });

  it('rejects bad arguments with VALIDATION_FAILED and details, without calling the handler', async () => {
    const { invoke, spy } = setup(() => defaultSettings);
    const cases: unknown[][] = [
      [{ serverUrl: 'ftp://x' }],
      [{ nope: 1 }],
      [],
      [{ language: 'en' }, 'extra'],
      ['string'],
    ];
    for (const args of cases) {
      const reply = (await invoke('settings:set', own, ...args)) as {
        ok: boolean;
        error: { code: string; details: unknown[] };
      };
      expect(reply.ok, JSON.stringify(args)).toBe(false);
      expect(reply.error.code).toBe('VALIDATION_FAILED');
      expect(reply.error.details.length).toBeGreaterThan(0);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('serialises a SeatError thrown by the handler with its code, message and details', async () => {
    const { invoke } = setup(() => {
      throw new SeatError('CONFLICT', 'busy', [{ path: 'x', message: 'y' }]);
    });
    expect(await invoke('settings:set', own, {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'busy', details: [{ path: 'x', message: 'y' }] },
    });
  });

  it('answers an unexpected error as INTERNAL without leaking its message or stack, and logs it', async () => {
    const { invoke, log } = setup(async () => {
      throw new Error('secret path /home/agent/.config');
    });
    const reply = await invoke('settings:set', own, {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on our side.' },
    });
    expect(JSON.stringify(reply)).not.toContain('secret');
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'IPC handler failed' }),
    );
  });

  it('answers INTERNAL when the handler returns something outside the contract', async () => {
    const { invoke, log } = setup(() => ({ serverUrl: 'not a url' }));
    expect(await invoke('settings:set', own, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('returns a disposer that removes the handler', () => {
    const { handlers, dispose } = setup(() => defaultSettings);
    expect(handlers.has('settings:set')).toBe(true);
    dispose();
    expect(handlers.has('settings:set')).toBe(false);
  });
});
