import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observable } from 'rxjs';
import type { QueueSummary } from '@contract/http/queues';
import type { AgentStatus } from '@contract/ws';
import type { Timers } from '../api/timers';
import { useObservable } from '../app/use-observable';
import { errorMessage } from '../i18n/error-message';
import { allowedActions } from './call-model';
import type { CtiSession } from './cti-session';
import type { CallFailure } from './softphone';
import { CtiToolbar, commandEnabled } from './CtiToolbar';
import { DeviceSettings } from './DeviceSettings';
import type { DeviceLists } from './media-engine';
import { Keypad } from './Keypad';
import { PhoneIndicators } from './PhoneIndicators';
import { PhoneLineSettings } from './PhoneLineSettings';
import { PhonePassword } from './PhonePassword';
import { ctiCommands, ctiShortcuts, matchesAccelerator, seatCommands, seatShortcuts } from './shortcuts';
import type { CtiCommand, SeatCommand } from './shortcuts';
import { TargetForm } from './TargetForm';
import type { TargetPurpose } from './TargetForm';
import { useNow } from './use-now';
import { WrapupForm } from './WrapupForm';
import './cti.css';

/** Props of the call area: the CTI session and what its forms read. */
export interface CtiPanelProps {
  session: CtiSession;
  voiceQueues: () => Promise<QueueSummary[]>;
  loadDevices: () => Promise<DeviceLists>;
  /** The agent's state as the server holds it (the seat socket's), for the state timer. */
  agentStatus$: Observable<AgentStatus | null>;
  timers: Timers;
  now: () => number;
  /** True on macOS, where CommandOrControl means the Command key. */
  mac: boolean;
  /** Whether the phone line may name another SIP server (the desktop app; not the web seat). */
  canChooseSipServer?: boolean;
  /** Runs a seat hotkey (ready, not ready, focus the inbox); without it those keys do nothing here. */
  onSeatCommand?: ((command: SeatCommand) => Promise<void>) | undefined;
}

type Panel = 'none' | 'keypad' | 'devices' | TargetPurpose;

/** The call area under the top bar: phone lights, the toolbar, and the form the agent opened. */
export function CtiPanel({
  session,
  voiceQueues,
  loadDevices,
  agentStatus$,
  timers,
  now,
  mac,
  canChooseSipServer = false,
  onSeatCommand,
}: CtiPanelProps) {
  const { t } = useTranslation();
  const { phone } = session;
  const state = useObservable(phone.state$, phone.state);
  const settings = useObservable(session.settings$, null);
  const needsPassword = useObservable(session.needsPassword$, false);
  const passwordRefused = useObservable(session.passwordRefused$, false);
  const allowed = useMemo(() => allowedActions(state), [state]);
  const [panel, setPanel] = useState<Panel>('none');
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [queues, setQueues] = useState<QueueSummary[]>([]);
  const agentStatus = useObservable(agentStatus$, null);
  // The state timer counts time in the agent state (ready, not ready, busy…), idle or not: it ticks always.
  const time = useNow(timers, now, true);
  const stateSince = agentStatus ? Date.parse(agentStatus.since) : null;
  const shortcuts = useMemo(() => ctiShortcuts(settings?.hotkeys ?? {}), [settings]);
  const seatKeys = useMemo(() => seatShortcuts(settings?.hotkeys ?? {}), [settings]);
  const [callFailure, setCallFailure] = useState<CallFailure | null>(null);
  useEffect(() => {
    const subscription = phone.callFailures$.subscribe(setCallFailure);
    return () => subscription.unsubscribe();
  }, [phone]);

  const run = useCallback((action: () => Promise<void>) => {
    setFailure(null);
    setCallFailure(null);
    setPending(true);
    action()
      .catch(setFailure)
      .finally(() => setPending(false));
  }, []);

  const openTarget = useCallback(
    (purpose: TargetPurpose) => {
      setPanel(purpose);
      voiceQueues().then(setQueues, setFailure);
    },
    [voiceQueues],
  );

  const command = useCallback(
    (which: CtiCommand) => {
      if (!commandEnabled(which, allowed)) return;
      switch (which) {
        case 'answer':
          return run(phone.answer);
        case 'reject':
          return run(phone.reject);
        case 'hangup':
          return run(phone.hangup);
        case 'hold':
          return run(allowed.has('resume') ? phone.resume : phone.hold);
        case 'mute':
          return run(state.muted ? phone.unmute : phone.mute);
        case 'keypad':
          return setPanel((open) => (open === 'keypad' ? 'none' : 'keypad'));
        case 'dial':
        case 'transfer':
        case 'consult':
          return openTarget(which);
        case 'completeTransfer':
          return run(phone.completeTransfer);
        case 'cancelConsult':
          return run(phone.cancelConsult);
        case 'conference':
          return run(phone.conference);
        case 'wrapup':
          return document.querySelector<HTMLSelectElement>('[data-testid="cti-disposition"]')?.focus();
      }
    },
    [allowed, openTarget, phone, run, state.muted],
  );

  // Shortcuts work anywhere in the seat while its window has the focus, as the toolbar is always on
  // screen; the seat's own hotkeys (agent state, inbox) are heard here too, where the settings are read.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const hit = ctiCommands.find((c) => matchesAccelerator(event, shortcuts[c], mac));
      if (hit) {
        event.preventDefault();
        return command(hit);
      }
      const seat = onSeatCommand && seatCommands.find((c) => matchesAccelerator(event, seatKeys[c], mac));
      if (!seat) return;
      event.preventDefault();
      run(() => onSeatCommand(seat));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [command, shortcuts, seatKeys, mac, onSeatCommand, run]);

  // A form for an action the state no longer allows (the call ended) is not shown.
  const shown: Panel =
    (panel === 'keypad' && !allowed.has('dtmf')) ||
    ((panel === 'dial' || panel === 'transfer' || panel === 'consult') && !allowed.has(panel))
      ? 'none'
      : panel;

  return (
    <section className="cti" data-testid="cti" aria-label={t('cti.phone')}>
      <div className="cti__row">
        <PhoneIndicators transport={state.transport} registration={state.registration} />
        <CtiToolbar
          state={state}
          allowed={allowed}
          shortcuts={shortcuts}
          mac={mac}
          now={time}
          stateSince={stateSince}
          keypadOpen={shown === 'keypad'}
          onCommand={command}
        />
        <button
          type="button"
          className="button button--quiet"
          data-testid="cti-devices-toggle"
          aria-expanded={shown === 'devices'}
          onClick={() => setPanel((open) => (open === 'devices' ? 'none' : 'devices'))}
        >
          {t('cti.settingsToggle')}
        </button>
      </div>
      {needsPassword ? (
        <PhonePassword
          username={settings?.softphone.sipUsername ?? null}
          refused={passwordRefused}
          onSubmit={(password) => session.signInPhone(password)}
        />
      ) : null}
      {failure || callFailure ? (
        <p className="cti__error" role="alert" data-testid="cti-error">
          {failure
            ? errorMessage(t, failure)
            : t('cti.callFailed', { remote: callFailure?.remote, cause: callFailure?.cause })}
        </p>
      ) : null}
      {shown === 'keypad' ? (
        <Keypad enabled={allowed.has('dtmf')} onDigit={(d) => run(() => phone.dtmf(d))} />
      ) : null}
      {shown === 'dial' || shown === 'transfer' || shown === 'consult' ? (
        <TargetForm
          purpose={shown}
          queues={queues}
          onCancel={() => setPanel('none')}
          onSubmit={(target) => {
            setPanel('none');
            run(() => phone[shown](target));
          }}
        />
      ) : null}
      {shown === 'devices' && settings ? (
        <>
          <DeviceSettings
            audio={settings.audio}
            loadDevices={loadDevices}
            onChange={(audio) => run(() => session.saveDevices(audio))}
          />
          <PhoneLineSettings
            softphone={settings.softphone}
            canChooseServer={canChooseSipServer}
            onSave={session.saveLine}
          />
        </>
      ) : null}
      {allowed.has('wrapup') ? (
        <WrapupForm pending={pending} onSubmit={(code) => run(() => session.wrapup(code))} />
      ) : null}
    </section>
  );
}
