import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../testing/fakes';
import { createNotificationService } from './notificationService';

function setup(supported = true, limit?: number) {
  const created: (EventEmitter & {
    options: { title: string; body: string };
    show: ReturnType<typeof vi.fn>;
    close: ReturnType<typeof vi.fn>;
  })[] = [];
  const focusWindow = vi.fn();
  const emitClicked = vi.fn();
  const service = createNotificationService({
    isSupported: () => supported,
    create: (options) => {
      const n = Object.assign(new EventEmitter(), { options, show: vi.fn(), close: vi.fn() });
      created.push(n);
      return n;
    },
    focusWindow,
    emitClicked,
    log: recordingLogger(),
    ...(limit ? { limit } : {}),
  });
  return { service, created, focusWindow, emitClicked };
}

describe('notification service', () => {
  it('shows a notification and, on click, focuses the window and reports its id', () => {
    const { service, created, focusWindow, emitClicked } = setup();
    expect(service.show({ id: 'offer-7', title: 'Incoming chat', body: 'Ada Lovelace' })).toBeNull();
    expect(created[0]?.options).toEqual({ title: 'Incoming chat', body: 'Ada Lovelace' });
    expect(created[0]?.show).toHaveBeenCalled();
    created[0]?.emit('click');
    expect(focusWindow).toHaveBeenCalled();
    expect(emitClicked).toHaveBeenCalledWith({ id: 'offer-7' });
  });

  it('replaces a notification still showing with the same id', () => {
    const { service, created } = setup();
    service.show({ id: 'offer-7', title: 'a', body: '' });
    service.show({ id: 'offer-7', title: 'b', body: '' });
    expect(created[0]?.close).toHaveBeenCalled();
    expect(created[1]?.close).not.toHaveBeenCalled();
  });

  it('closes a notification still showing by its id, and ignores an id it does not know', () => {
    const { service, created } = setup();
    service.show({ id: 'call-1', title: 'Incoming call', body: '' });
    service.show({ id: 'call-2', title: 'Incoming call', body: '' });
    expect(service.close('call-1')).toBeNull();
    expect(created.map((n) => n.close.mock.calls.length)).toEqual([1, 0]);
    expect(service.close('call-1')).toBeNull();
    expect(service.close('never-shown')).toBeNull();
    expect(created.map((n) => n.close.mock.calls.length)).toEqual([1, 0]);
  });

  it('closes the oldest notification past the limit', () => {
    const { service, created } = setup(true, 2);
    for (const id of ['a', 'b', 'c']) service.show({ id, title: id, body: '' });
    expect(created.map((n) => n.close.mock.calls.length)).toEqual([1, 0, 0]);
  });

  it('answers UNAVAILABLE where the system has no notifications', () => {
    const { service, created } = setup(false);
    expect(() => service.show({ id: 'a', title: 'a', body: '' })).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE' }),
    );
    expect(created).toHaveLength(0);
  });
});
