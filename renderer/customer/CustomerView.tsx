import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';
import { ContactDetail } from './ContactDetail';
import { ContactHistory, entryKey } from './ContactHistory';
import { CustomerProfile } from './CustomerProfile';
import type { CustomerApi } from './customer-api';
import { useContactHistory } from './use-contact-history';
import { useLoaded } from './use-loaded';

/** Props of one customer's view: who, whether their call is ringing now, and the reads. */
export interface CustomerViewProps {
  customerId: string;
  ringing: boolean;
  api: CustomerApi;
}

/** A known customer: profile, contact history across channels, and the entry the agent opened. */
export function CustomerView({ customerId, ringing, api }: CustomerViewProps) {
  const { t } = useTranslation();
  const profile = useLoaded(customerId, api.customer);
  const history = useContactHistory(customerId, api.contacts);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = history.entries.find((e) => entryKey(e) === selectedKey) ?? null;
  return (
    <article
      className="customer-view"
      data-testid="customer-view"
      data-customer-id={customerId}
      data-ringing={ringing}
    >
      {ringing ? <p className="customer-view__ringing">{t('customer.ringing')}</p> : null}
      {profile.status === 'loading' ? <p role="status">{t('customer.loading')}</p> : null}
      {profile.status === 'failed' ? <p role="alert">{errorMessage(t, profile.error)}</p> : null}
      {profile.status === 'done' ? <CustomerProfile customer={profile.value} /> : null}
      <ContactHistory
        history={history}
        selectedKey={selectedKey}
        onSelect={(entry) => setSelectedKey((key) => (key === entryKey(entry) ? null : entryKey(entry)))}
      />
      {selected ? (
        <ContactDetail entry={selected} loadChat={api.chat} onClose={() => setSelectedKey(null)} />
      ) : null}
    </article>
  );
}
