import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '@contract/http/agents';
import type { QueueSummary } from '@contract/http/queues';
import type { TransferTarget } from '@contract/routing';
import type { ChatApi } from './chat-api';

/** Props of the transfer form: where targets come from, who is transferring, and what a transfer does. */
export interface ChatTransferProps {
  api: Pick<ChatApi, 'queues' | 'colleagues'>;
  selfAgentId: string | null;
  busy: boolean;
  onTransfer: (to: TransferTarget) => void;
}

const encode = (to: TransferTarget) => (to.kind === 'queue' ? `queue:${to.queueId}` : `agent:${to.agentId}`);
function decode(value: string): TransferTarget | null {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (!id) return null;
  if (kind === 'queue') return { kind: 'queue', queueId: id };
  if (kind === 'agent') return { kind: 'agent', agentId: id };
  return null;
}

/** Transfer to a chat queue or a colleague (their state shown); the transcript goes with the chat. */
export function ChatTransfer({ api, selfAgentId, busy, onTransfer }: ChatTransferProps) {
  const { t } = useTranslation();
  const id = useId();
  const [queues, setQueues] = useState<QueueSummary[]>([]);
  const [colleagues, setColleagues] = useState<RosterEntry[]>([]);
  const [choice, setChoice] = useState('');
  const [loadError, setLoadError] = useState(false);
  // Colleagues' states change all the time: read them again whenever the agent goes to the list.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.queues(), api.colleagues()]).then(
      ([q, c]) => {
        if (!live) return;
        setQueues(q.filter((x) => x.channels.includes('im')));
        setColleagues(c.filter((x) => x.id !== selfAgentId));
      },
      (error: unknown) => {
        console.warn('[chat] transfer targets could not be loaded', error);
        if (live) setLoadError(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api, selfAgentId, generation]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const to = decode(choice);
    if (to) onTransfer(to);
  };

  return (
    <form className="chat-transfer" onSubmit={submit}>
      <label htmlFor={id}>{t('chat.transferTo')}</label>
      <select
        id={id}
        data-testid="chat-pane-transfer-target"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        onFocus={() => setGeneration((g) => g + 1)}
      >
        <option value="">{loadError ? t('chat.targetsFailed') : t('chat.chooseTarget')}</option>
        <optgroup label={t('chat.queues')}>
          {queues.map((q) => (
            <option key={q.id} value={encode({ kind: 'queue', queueId: q.id })}>
              {q.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('chat.colleagues')}>
          {colleagues.map((c) => (
            <option key={c.id} value={encode({ kind: 'agent', agentId: c.id })} data-agent-state={c.state}>
              {t('chat.colleague', { name: c.displayName, state: t(`agentState.${c.state}`) })}
            </option>
          ))}
        </optgroup>
      </select>
      <button type="submit" data-testid="chat-pane-transfer" disabled={busy || decode(choice) === null}>
        {t('chat.transfer')}
      </button>
    </form>
  );
}
