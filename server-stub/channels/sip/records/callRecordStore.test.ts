import { describe, expect, it } from 'vitest';
import type { CallRecordStore } from './callRecordStore';
import { withLoggedFailures } from './callRecordStore';

describe('withLoggedFailures', () => {
  it('logs a failed write instead of throwing, and passes reads through', () => {
    const warnings: string[] = [];
    const failing = (): never => {
      throw new Error('database is closed');
    };
    const store: CallRecordStore = {
      started: failing,
      answered: failing,
      agentJoined: failing,
      ended: failing,
      disposition: failing,
      list: () => [],
      get: () => null,
    };
    const guarded = withLoggedFailures(store, { warn: (details) => warnings.push(String(details['what'])) });
    expect(() => guarded.ended('call-1', 'caller_hangup')).not.toThrow();
    expect(() => guarded.answered('call-1')).not.toThrow();
    expect(warnings).toEqual(['ended', 'answered']);
    expect(guarded.list('t', { limit: 1 })).toEqual([]);
  });
});
