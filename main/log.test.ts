import { describe, expect, it } from 'vitest';
import { createLineLogger } from './log';

describe('createLineLogger', () => {
  it('writes one JSON line with time, level, message and fields', () => {
    const lines: string[] = [];
    const log = createLineLogger(
      (l) => lines.push(l),
      () => new Date('2030-01-02T03:04:05Z'),
    );
    log.warn('settings fell back', { keys: ['serverUrl'] });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '2030-01-02T03:04:05.000Z', level: 'warn', message: 'settings fell back', keys: ['serverUrl'] },
    ]);
  });
});
