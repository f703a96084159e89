import { useTranslation } from 'react-i18next';
import type { Observable } from 'rxjs';
import { useObservable } from '../app/use-observable';
import type { CustomerApi } from './customer-api';
import type { CustomerFocus } from './customer-focus';
import { CustomerView } from './CustomerView';
import './customer.css';

/** Props of the customer pane: whose customer to show as it changes, and the reads. */
export interface CustomerPaneProps {
  focus$: Observable<CustomerFocus>;
  api: CustomerApi;
}

const nobody: CustomerFocus = { kind: 'none' };

/** The shell's customer pane: the ringing caller, else the customer of the conversation on screen. */
export function CustomerPane({ focus$, api }: CustomerPaneProps) {
  const { t } = useTranslation();
  const focus = useObservable(focus$, nobody);
  if (focus.kind === 'none') return <p>{t('panes.customer.body')}</p>;
  if (focus.kind === 'anonymous')
    return (
      <p className="customer-anonymous" data-testid="customer-anonymous">
        {t('customer.anonymous', { channel: t(`inbox.channel.${focus.channel}`) })}
      </p>
    );
  // Keyed by customer: another customer starts with nothing open and nothing of the previous one.
  return (
    <CustomerView key={focus.customerId} customerId={focus.customerId} ringing={focus.ringing} api={api} />
  );
}
