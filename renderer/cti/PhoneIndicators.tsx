import { useTranslation } from 'react-i18next';
import type { RegistrationState, TransportState } from './call-model';

/** Props of the two phone lights. */
export interface PhoneIndicatorsProps {
  transport: TransportState;
  registration: RegistrationState;
}

/**
 * The socket to the SIP server and the registration with it, apart: connected but not registered
 * (wrong password, registrar refusing) is a different problem from no connection at all.
 */
export function PhoneIndicators({ transport, registration }: PhoneIndicatorsProps) {
  const { t } = useTranslation();
  return (
    <div className="cti-indicators">
      <p className="cti-indicator" data-testid="sip-connection" data-state={transport} role="status">
        <span className="cti-indicator__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('cti.sipConnection.label')}: </span>
        <span>{t(`cti.sipConnection.${transport}`)}</span>
      </p>
      <p className="cti-indicator" data-testid="sip-registration" data-state={registration} role="status">
        <span className="cti-indicator__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('cti.registration.label')}: </span>
        <span>{t(`cti.registration.${registration}`)}</span>
      </p>
    </div>
  );
}
