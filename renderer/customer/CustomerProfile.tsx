import { useTranslation } from 'react-i18next';
import type { Customer } from '@contract/http/customers';

/** The customer at a glance: name, value tier, ways to reach them, notes. */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <section className="customer-profile" data-testid="customer-profile" aria-label={customer.name}>
      <h3 className="customer-profile__name">{customer.name}</h3>
      <dl className="customer-facts">
        <dt>{t('customer.tier')}</dt>
        <dd data-tier={customer.tier}>{t(`customer.tiers.${customer.tier}`)}</dd>
        {customer.contactPoints.map((c) => (
          <div key={c.id}>
            <dt>{t(`customer.contact.${c.kind}`)}</dt>
            <dd>{c.value}</dd>
          </div>
        ))}
        {customer.notes ? (
          <div>
            <dt>{t('customer.notes')}</dt>
            <dd className="customer-profile__notes">{customer.notes}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
