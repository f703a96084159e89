import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './groupCommit';

const manual = () => {
  const queue: Array<() => void> = [];
  return { defer: (fn: () => void) => queue.push(fn), run: () => queue.splice(0).forEach((fn) => fn()) };
};

describe('group commit', () => {
  it('writes every event of a turn in one transaction and runs effects only after it', async () => {
    const log: string[] = [];
    const turn = manual();
    const commit = createGroupCommit((fn) => {
      log.push('begin');
      fn();
      log.push('commit');
    }, turn.defer);
    const done = [1, 2, 3].map((n) =>
      commit.stage({
        write: () => log.push(`write ${n}`),
        effects: () => log.push(`effect ${n}`),
        failed: () => log.push(`failed ${n}`),
      }),
    );
    expect(log).toEqual([]);
    turn.run();
    await Promise.all(done);
    expect(log).toEqual([
      'begin',
      'write 1',
      'write 2',
      'write 3',
      'commit',
      'effect 1',
      'effect 2',
      'effect 3',
    ]);
  });

  it('runs no effect and rejects every event of a transaction that fails', async () => {
    const seen: string[] = [];
    const turn = manual();
    const commit = createGroupCommit(() => {
      throw new Error('disk full');
    }, turn.defer);
    const done = commit.stage({
      write: () => seen.push('write'),
      effects: () => seen.push('effect'),
      failed: () => seen.push('failed'),
    });
    turn.run();
    await expect(done).rejects.toThrow('disk full');
    expect(seen).toEqual(['failed']);
  });
});
