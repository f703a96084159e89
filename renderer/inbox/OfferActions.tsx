import { useTranslation } from 'react-i18next';

/** Props of an offered row's buttons. */
export interface OfferActionsProps {
  customer: string;
  pending: boolean;
  onAccept: () => void;
  onReject: () => void;
}

/** Accept and Reject for one offer; both disabled while a request for it is under way. */
export function OfferActions({ customer, pending, onAccept, onReject }: OfferActionsProps) {
  const { t } = useTranslation();
  return (
    <span className="inbox-actions">
      <button
        type="button"
        className="inbox-actions__accept"
        disabled={pending}
        aria-label={t('inbox.acceptRow', { customer })}
        onClick={onAccept}
      >
        {t('inbox.accept')}
      </button>
      <button
        type="button"
        className="inbox-actions__reject"
        disabled={pending}
        aria-label={t('inbox.rejectRow', { customer })}
        onClick={onReject}
      >
        {t('inbox.reject')}
      </button>
    </span>
  );
}

/** In place of Accept and Reject on a call offer where the inbox cannot reach the softphone. */
export function CallOnPhoneHint() {
  const { t } = useTranslation();
  return <span className="inbox-actions inbox-actions--phone">{t('inbox.answerOnPhone')}</span>;
}
