import { describe, expect, it } from 'vitest';
import { capacityOf, hasAnyRoom, hasRoom, occupancy } from './capacity';
import { zeroLoad } from './state';

const agent = (capacity = {}, load = {}, calls: string[] = []) => ({
  capacity,
  load: { ...zeroLoad(), ...load },
  calls,
});

describe('capacity', () => {
  it('takes the agent setting first, then the team, then the default', () => {
    expect(capacityOf(agent({ im: 5 }), { im: 2 }, 'im')).toBe(5);
    expect(capacityOf(agent(), { im: 2 }, 'im')).toBe(2);
    expect(capacityOf(agent(), undefined, 'im')).toBe(3);
    expect(capacityOf(agent(), undefined, 'email')).toBe(5);
    expect(capacityOf(agent(), undefined, 'fax')).toBe(2);
  });

  it('lets chats share up to the limit and refuses the one past it', () => {
    expect(hasRoom(agent({}, { im: 2 }), undefined, 'im')).toBe(true);
    expect(hasRoom(agent({}, { im: 3 }), undefined, 'im')).toBe(false);
  });

  it('blocks every other channel while a voice call is held', () => {
    const onCall = agent({}, { voice: 1 });
    expect(hasRoom(onCall, undefined, 'im')).toBe(false);
    expect(hasRoom(onCall, undefined, 'email')).toBe(false);
    expect(hasAnyRoom(onCall, undefined)).toBe(false);
    expect(occupancy(onCall, undefined)).toBe(1);
  });

  it('blocks every channel, voice included, while the agent is on a call of its own', () => {
    const onOwnCall = agent({ voice: 3 }, {}, ['call-1']);
    for (const channel of ['voice', 'im', 'email'] as const)
      expect(hasRoom(onOwnCall, undefined, channel)).toBe(false);
    expect(hasAnyRoom(onOwnCall, undefined)).toBe(false);
    expect(occupancy(onOwnCall, undefined)).toBe(1);
  });

  it('still offers a call to an agent who is chatting', () => {
    expect(hasRoom(agent({}, { im: 1 }), undefined, 'voice')).toBe(true);
  });

  it('counts an agent with no capacity at all as fully occupied', () => {
    const none = agent({ voice: 0, im: 0, sms: 0, email: 0, fax: 0, social: 0 });
    expect(occupancy(none, undefined)).toBe(1);
    expect(hasAnyRoom(none, undefined)).toBe(false);
  });
});
