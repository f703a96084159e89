import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSummary } from '@contract/http/queues';
import { dialTargetSchema } from './dial-target';
import type { DialTarget } from './dial-target';

/** What the form is for: its title and submit button follow. */
export type TargetPurpose = 'dial' | 'transfer' | 'consult';

/** Props of the dial / transfer / consult form. */
export interface TargetFormProps {
  purpose: TargetPurpose;
  queues: QueueSummary[];
  onSubmit: (target: DialTarget) => void;
  onCancel: () => void;
}

type Kind = DialTarget['kind'];

/** Chooses a queue, an agent (user name) or a number; checks the input before it is sent. */
export function TargetForm({ purpose, queues, onSubmit, onCancel }: TargetFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>(purpose === 'dial' ? 'number' : 'queue');
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const chosen = kind === 'queue' ? value || (queues[0]?.id.toLowerCase() ?? '') : value;

  return (
    <form
      className="cti-target"
      data-testid="cti-target-form"
      data-purpose={purpose}
      aria-label={t(`cti.target.${purpose}Title`)}
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = dialTargetSchema.safeParse({ kind, value: chosen.trim() });
        if (!parsed.success) return setInvalid(true);
        onSubmit({ kind, value: chosen.trim() });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label htmlFor={`${id}-kind`}>{t('cti.target.kind')}</label>
      <select
        id={`${id}-kind`}
        data-testid="cti-target-kind"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setValue('');
          setInvalid(false);
        }}
      >
        {(['queue', 'agent', 'number'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`cti.target.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`}>{t('cti.target.value')}</label>
      {kind === 'queue' ? (
        <select
          id={`${id}-value`}
          data-testid="cti-target-value"
          value={chosen}
          onChange={(e) => setValue(e.target.value)}
        >
          {queues.map((q) => (
            <option key={q.id} value={q.id.toLowerCase()}>
              {q.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`${id}-value`}
          data-testid="cti-target-value"
          value={value}
          autoFocus
          inputMode={kind === 'number' ? 'tel' : 'text'}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
        />
      )}
      {invalid ? (
        <p id={`${id}-error`} className="cti-target__error" role="alert">
          {t(`cti.target.invalid.${kind}`)}
        </p>
      ) : null}
      <button type="submit" className="button" data-testid="cti-target-submit">
        {t(`cti.target.${purpose}Submit`)}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('cti.target.cancel')}
      </button>
    </form>
  );
}
