import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Disposition codes the toolbar offers, in menu order. */
export const dispositionCodes = [
  'resolved',
  'callback',
  'escalated',
  'no_resolution',
  'wrong_number',
] as const;

/** Props of the wrap-up form. */
export interface WrapupFormProps {
  pending: boolean;
  onSubmit: (disposition: string) => void;
}

/** Ends wrap-up with a disposition code. */
export function WrapupForm({ pending, onSubmit }: WrapupFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState<string>(dispositionCodes[0]);
  return (
    <form
      className="cti-wrapup"
      data-testid="cti-wrapup"
      aria-label={t('cti.wrapup.title')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(code);
      }}
    >
      <label htmlFor={id}>{t('cti.wrapup.disposition')}</label>
      <select id={id} data-testid="cti-disposition" value={code} onChange={(e) => setCode(e.target.value)}>
        {dispositionCodes.map((c) => (
          <option key={c} value={c}>
            {t(`cti.wrapup.codes.${c}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button" data-testid="cti-wrapup-submit" disabled={pending}>
        {t('cti.wrapup.submit')}
      </button>
    </form>
  );
}
