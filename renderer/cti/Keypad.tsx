import { useTranslation } from 'react-i18next';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Props of the DTMF keypad. */
export interface KeypadProps {
  enabled: boolean;
  onDigit: (digit: string) => void;
}

/** Twelve keys sending DTMF; typing a digit while the keypad has focus sends it too. */
export function Keypad({ enabled, onDigit }: KeypadProps) {
  const { t } = useTranslation();
  return (
    <div
      className="cti-keypad"
      role="group"
      aria-label={t('cti.keypad.title')}
      data-testid="cti-keypad"
      onKeyDown={(event) => {
        if (enabled && /^[0-9*#]$/.test(event.key)) {
          event.preventDefault();
          onDigit(event.key);
        }
      }}
    >
      {keys.map((digit) => (
        <button
          key={digit}
          type="button"
          className="cti-keypad__key"
          disabled={!enabled}
          aria-label={t('cti.keypad.digit', { digit })}
          data-testid={`cti-dtmf-${digit === '*' ? 'star' : digit === '#' ? 'hash' : digit}`}
          onClick={() => onDigit(digit)}
        >
          {digit}
        </button>
      ))}
    </div>
  );
}
