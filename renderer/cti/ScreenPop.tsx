import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@contract/http/customers';
import { errorMessage } from '../i18n/error-message';

/** Props of the screen pop. */
export interface ScreenPopProps {
  customerId: string | null;
  loadCustomer: (id: string) => Promise<Customer>;
}

/** The caller at a glance, opened when their call rings. */
export function ScreenPop({ customerId, loadCustomer }: ScreenPopProps) {
  const { t } = useTranslation();
  const [loaded, setShown] = useState<{ id: string; customer: Customer | null; error: unknown }>();
  useEffect(() => {
    if (!customerId) return undefined;
    let live = true;
    loadCustomer(customerId).then(
      (customer) => live && setShown({ id: customerId, customer, error: null }),
      (error: unknown) => live && setShown({ id: customerId, customer: null, error }),
    );
    return () => {
      live = false;
    };
  }, [customerId, loadCustomer]);

  if (!customerId) return null;
  // A result for an earlier caller is not shown while the new one loads.
  const shown = loaded?.id === customerId ? loaded : { customer: null, error: null };
  if (shown.error) return <p role="alert">{errorMessage(t, shown.error)}</p>;
  const customer = shown.customer;
  if (!customer) return <p role="status">{t('cti.customer.loading')}</p>;
  return (
    <article className="cti-customer" data-testid="screen-pop" data-customer-id={customer.id}>
      <h3 className="cti-customer__name">{customer.name}</h3>
      <dl>
        <dt>{t('cti.customer.tier')}</dt>
        <dd>{customer.tier}</dd>
        {customer.contactPoints.map((c) => (
          <div key={c.id}>
            <dt>{t(`cti.customer.contact.${c.kind}`)}</dt>
            <dd>{c.value}</dd>
          </div>
        ))}
        {customer.notes ? (
          <>
            <dt>{t('cti.customer.notes')}</dt>
            <dd>{customer.notes}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
