import { useTranslation } from 'react-i18next';
import type { PhoneAction, PhoneState } from './call-model';
import { ariaShortcut } from './shortcuts';
import type { CtiCommand } from './shortcuts';
import { formatDuration } from './use-now';

/** What the call area says the phone is doing. */
export type CallStatus =
  'idle' | 'ringing' | 'dialing' | 'connected' | 'held' | 'consulting' | 'conference' | 'wrapup';

/** The call area's status for a phone state. */
export function callStatus(state: PhoneState): CallStatus {
  if (state.conference) return 'conference';
  if (state.consult) return 'consulting';
  if (state.primary) return state.primary.state;
  return state.wrapup ? 'wrapup' : 'idle';
}

/** Whether a command's button is enabled in the allowed set. */
export function commandEnabled(command: CtiCommand, allowed: ReadonlySet<PhoneAction>): boolean {
  switch (command) {
    case 'hold':
      return allowed.has('hold') || allowed.has('resume');
    case 'mute':
      return allowed.has('mute') || allowed.has('unmute');
    case 'keypad':
      return allowed.has('dtmf');
    default:
      return allowed.has(command);
  }
}

/** Props of the CTI toolbar. */
export interface CtiToolbarProps {
  state: PhoneState;
  allowed: ReadonlySet<PhoneAction>;
  shortcuts: Record<CtiCommand, string>;
  mac: boolean;
  now: number;
  /** When the agent entered their current agent state (ready, busy…), in ms; no state timer without it. */
  stateSince?: number | null | undefined;
  keypadOpen: boolean;
  onCommand: (command: CtiCommand) => void;
}

const buttons: Array<{ command: CtiCommand; testId: string; tone?: 'go' | 'stop' }> = [
  { command: 'answer', testId: 'cti-answer', tone: 'go' },
  { command: 'reject', testId: 'cti-reject', tone: 'stop' },
  { command: 'hangup', testId: 'cti-hangup', tone: 'stop' },
  { command: 'hold', testId: 'cti-hold' },
  { command: 'mute', testId: 'cti-mute' },
  { command: 'keypad', testId: 'cti-keypad-toggle' },
  { command: 'dial', testId: 'cti-dial' },
  { command: 'transfer', testId: 'cti-transfer' },
  { command: 'consult', testId: 'cti-consult' },
  { command: 'completeTransfer', testId: 'cti-complete' },
  { command: 'conference', testId: 'cti-conference' },
  { command: 'cancelConsult', testId: 'cti-cancel-consult' },
];

/** The call in progress, its timers, and one button per action, enabled only when the state allows it. */
export function CtiToolbar({
  state,
  allowed,
  shortcuts,
  mac,
  now,
  stateSince = null,
  keypadOpen,
  onCommand,
}: CtiToolbarProps) {
  const { t } = useTranslation();
  const status = callStatus(state);
  const talking = state.consult ?? state.primary;
  const callStart = state.primary?.connectedAt ?? state.primary?.startedAt ?? null;
  const label = (command: CtiCommand) => {
    if (command === 'hold') return t(allowed.has('resume') ? 'cti.actions.resume' : 'cti.actions.hold');
    if (command === 'mute') return t(state.muted ? 'cti.actions.unmute' : 'cti.actions.mute');
    return t(`cti.actions.${command}`);
  };

  return (
    <div className="cti-toolbar" role="toolbar" aria-label={t('cti.toolbarLabel')}>
      <p className="cti-call" data-testid="cti-call" data-state={status} aria-live="polite">
        <span className="cti-call__state">{t(`cti.state.${status}`)}</span>
        {talking ? (
          <span className="cti-call__remote" data-testid="cti-remote">
            {talking.remote}
          </span>
        ) : null}
        {state.muted ? <span className="cti-call__muted">{t('cti.muted')}</span> : null}
        {/* Labelled on screen: two bare clocks side by side cannot be told apart at a glance. */}
        {callStart !== null ? (
          <span className="cti-call__timer">
            <span className="cti-call__timer-label">{t('cti.callTimer')}</span>{' '}
            <span data-testid="cti-call-timer">{formatDuration(now - callStart)}</span>
          </span>
        ) : null}
        {stateSince !== null ? (
          <span className="cti-call__timer cti-call__timer--state">
            <span className="cti-call__timer-label">{t('cti.stateTimer')}</span>{' '}
            <span data-testid="cti-state-timer">{formatDuration(now - stateSince)}</span>
          </span>
        ) : null}
      </p>
      <div className="cti-toolbar__buttons">
        {buttons.map(({ command, testId, tone }) => {
          const shortcut = shortcuts[command];
          const aria = ariaShortcut(shortcut, mac);
          const pressed =
            command === 'hold'
              ? allowed.has('resume')
              : command === 'mute'
                ? state.muted
                : command === 'keypad'
                  ? keypadOpen
                  : undefined;
          return (
            <button
              key={command}
              type="button"
              className={`button cti-button${tone ? ` cti-button--${tone}` : ''}`}
              data-testid={testId}
              disabled={!commandEnabled(command, allowed)}
              aria-keyshortcuts={aria}
              aria-pressed={pressed}
              title={`${label(command)} (${aria})`}
              onClick={() => onCommand(command)}
            >
              {label(command)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
