import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatStore } from '../database';
import { createSeededStore } from '../../testing/seededStore';
import { getCustomer, likePattern, searchCustomers } from './customers';

let store: SeatStore;
let dispose: () => Promise<void>;
const tenant = 'tenant-demo';

beforeAll(async () => {
  ({ store, dispose } = await createSeededStore(() => Date.parse('2026-03-01T00:00:00Z')));
});
afterAll(() => dispose());

describe('customer queries', () => {
  it('escapes LIKE wildcards in search text', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('loads one customer with contact points, consent and account manager', async () => {
    const customer = await getCustomer(store.db, tenant, 'demo-customer-0001');
    expect(customer?.id).toBe('demo-customer-0001');
    expect(customer?.contactPoints.length).toBeGreaterThanOrEqual(1);
    expect(typeof customer?.consent.marketing).toBe('boolean');
  });

  it('finds a customer by a contact point value and by part of the name', async () => {
    const sample = await getCustomer(store.db, tenant, 'demo-customer-0042');
    const phone = sample?.contactPoints.find((p) => p.kind === 'phone')?.value ?? '';
    const byPhone = await searchCustomers(store.db, tenant, phone, 10);
    expect(byPhone.map((c) => c.id)).toContain('demo-customer-0042');
    const byName = await searchCustomers(
      store.db,
      tenant,
      (sample?.name ?? '').slice(0, 2).toUpperCase(),
      50,
    );
    expect(byName.map((c) => c.id)).toContain('demo-customer-0042');
  });

  it('never returns customers of another tenant', async () => {
    expect(await getCustomer(store.db, 'other-tenant', 'demo-customer-0001')).toBeNull();
    expect(await searchCustomers(store.db, 'other-tenant', 'a', 10)).toEqual([]);
  });

  it('treats % in the search as a character, not a wildcard', async () => {
    expect(await searchCustomers(store.db, tenant, '%', 10)).toEqual([]);
  });
});
