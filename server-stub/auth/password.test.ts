import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the password it hashed and rejects another one', async () => {
    const stored = await hashPassword('seat-demo', cheap);
    expect(await verifyPassword('seat-demo', stored)).toBe(true);
    expect(await verifyPassword('seat-demo!', stored)).toBe(false);
  });

  it('salts each hash so the same password never hashes the same twice', async () => {
    const a = await hashPassword('same', cheap);
    const b = await hashPassword('same', cheap);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same');
  });

  it('stores the cost parameters with the hash so verification uses them', async () => {
    const stored = await hashPassword('pw', { N: 2048, r: 8, p: 1 });
    expect(stored.startsWith('scrypt$2048$8$1$')).toBe(true);
    expect(await verifyPassword('pw', stored)).toBe(true);
  });

  it('uses the OWASP default cost when none is given', async () => {
    const stored = await hashPassword('pw');
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
  });

  it('never matches a malformed stored hash', async () => {
    expect(await verifyPassword('pw', 'plain-text')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$x$8$1$abc$def')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$1024$8$1$c2FsdA$c2hvcnQ')).toBe(false);
  });
});
