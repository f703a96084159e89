import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/seat-socket';
import './ConnectionIndicator.css';

/** Props of the connection light. */
export interface ConnectionIndicatorProps {
  state: ConnectionState;
}

/** A coloured dot with words, so the state never depends on colour alone. */
export function ConnectionIndicator({ state }: ConnectionIndicatorProps) {
  const { t } = useTranslation();
  return (
    <p className="connection" data-testid="connection" data-connection={state} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span>{t(`connection.${state}`)}</span>
    </p>
  );
}
