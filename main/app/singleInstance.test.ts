import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, telLinkFromArgv } from './singleInstance';

function fakeApp(gotLock: boolean) {
  return Object.assign(new EventEmitter(), { requestSingleInstanceLock: vi.fn(() => gotLock) });
}

describe('single instance', () => {
  it('lets the first instance run and tells it about later launches with their arguments', () => {
    const app = fakeApp(true);
    const onSecond = vi.fn();
    expect(claimSingleInstance(app, onSecond)).toBe(true);
    app.emit('second-instance', {}, ['/opt/Seat/seat', 'tel:+4420'], '/home/a');
    expect(onSecond).toHaveBeenCalledWith(['/opt/Seat/seat', 'tel:+4420']);
  });

  it('tells a second instance to quit and listens to nothing', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, vi.fn())).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('telLinkFromArgv', () => {
  it('finds a phone link among the arguments', () => {
    expect(telLinkFromArgv(['/usr/bin/seat', '--flag', 'tel:+44%2020%207946%200000'])).toBe(
      'tel:+44%2020%207946%200000',
    );
    expect(telLinkFromArgv(['seat', 'TEL:112'])).toBe('tel:112');
  });

  it('ignores arguments that are not phone links', () => {
    expect(telLinkFromArgv(['seat', 'https://x', 'tel:javascript:alert(1)', 'tel:'])).toBeNull();
  });
});
