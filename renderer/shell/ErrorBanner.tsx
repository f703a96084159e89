import { useTranslation } from 'react-i18next';
import './ErrorBanner.css';

/** Props of the alert strip: the translated sentence and how to dismiss it. */
export interface ErrorBannerProps {
  message: string;
  onDismiss: () => void;
}

/** An error the agent must see: announced as an alert, stays until dismissed. */
export function ErrorBanner({ message, onDismiss }: ErrorBannerProps) {
  const { t } = useTranslation();
  return (
    <div className="error-banner" role="alert" data-testid="shell-error">
      <span>{message}</span>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
