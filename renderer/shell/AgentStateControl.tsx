import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '@contract/ws';
import { choiceValue, notReadyReasons, parseChoice, valueForStatus } from './agent-state-options';
import type { StateChoice } from './agent-state-options';
import './AgentStateControl.css';

/** Props of the state indicator and menu: the server's word on the state, and what the agent picks. */
export interface AgentStateControlProps {
  status: AgentStatus | null;
  /** True while a change is on its way to the server. */
  pending: boolean;
  /** False while the seat has no connection: the menu cannot send then. */
  enabled: boolean;
  onChoose: (choice: StateChoice) => void;
  /** The hotkeys that choose ready and not ready, announced to assistive technology. */
  keyShortcuts?: string | undefined;
}

/** Shows the state the server holds (never the one merely asked for) and offers the states an agent may choose. */
export function AgentStateControl({
  status,
  pending,
  enabled,
  onChoose,
  keyShortcuts,
}: AgentStateControlProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const stateName = status ? t(`agentState.${status.state}`) : t('agentState.unknown');
  const label =
    status?.reason && status.state === 'not_ready'
      ? t('agentState.withReason', {
          state: stateName,
          reason: t(`reason.${status.reason}`, { defaultValue: status.reason }),
        })
      : stateName;
  const current = valueForStatus(status);

  return (
    <div className="agent-state">
      <p
        className="agent-state__indicator"
        data-testid="agent-state"
        data-state={status?.state ?? 'unknown'}
        data-reason={status?.reason ?? ''}
        aria-live="polite"
      >
        <span className="agent-state__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('agentState.current')}: </span>
        <span>{label}</span>
      </p>
      <label htmlFor={selectId} className="visually-hidden">
        {t('agentState.selectorLabel')}
      </label>
      <select
        id={selectId}
        className="agent-state__select"
        data-testid="agent-state-select"
        value={current}
        disabled={!enabled || pending}
        aria-busy={pending}
        aria-keyshortcuts={keyShortcuts}
        onChange={(e) => {
          const choice = parseChoice(e.target.value);
          if (choice) onChoose(choice);
        }}
      >
        {current === '' ? (
          <option value="" disabled>
            {pending ? t('agentState.pending') : t('agentState.choose')}
          </option>
        ) : null}
        <option value={choiceValue({ state: 'ready' })}>{t('agentState.ready')}</option>
        <optgroup label={t('agentState.notReadyGroup')}>
          {notReadyReasons.map((reason) => (
            <option key={reason} value={choiceValue({ state: 'not_ready', reason })}>
              {t('agentState.withReason', {
                state: t('agentState.not_ready'),
                reason: t(`reason.${reason}`),
              })}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
