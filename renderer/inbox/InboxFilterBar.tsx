import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { channels } from '@contract/agent';
import type { QueueSummary } from '@contract/http/queues';
import type { InboxFilter } from './inbox-filter';

/** States an inbox row can be in (finished work leaves the inbox). */
export const inboxStates = ['queued', 'offered', 'active', 'held', 'wrapup'] as const;

/** Props of the filter bar: the current choices, the queues to offer, and where changes go. */
export interface InboxFilterBarProps {
  filter: InboxFilter;
  queues: readonly QueueSummary[];
  onChange: (filter: InboxFilter) => void;
}

/** Channel, state and queue choices and a quick search, each with its own label. */
export function InboxFilterBar({ filter, queues, onChange }: InboxFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<InboxFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="inbox-filters" role="group" aria-label={t('inbox.filters')}>
      <label htmlFor={`${id}-channel`}>{t('inbox.column.channel')}</label>
      <select
        id={`${id}-channel`}
        data-testid="inbox-filter-channel"
        value={filter.channel}
        onChange={(e) => set({ channel: e.target.value })}
      >
        <option value="">{t('inbox.all')}</option>
        {channels.map((c) => (
          <option key={c} value={c}>
            {t(`inbox.channel.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-state`}>{t('inbox.column.state')}</label>
      <select
        id={`${id}-state`}
        data-testid="inbox-filter-state"
        value={filter.state}
        onChange={(e) => set({ state: e.target.value })}
      >
        <option value="">{t('inbox.all')}</option>
        {inboxStates.map((s) => (
          <option key={s} value={s}>
            {t(`inbox.state.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-queue`}>{t('inbox.column.queue')}</label>
      <select
        id={`${id}-queue`}
        data-testid="inbox-filter-queue"
        value={filter.queueId}
        onChange={(e) => set({ queueId: e.target.value })}
      >
        <option value="">{t('inbox.all')}</option>
        {queues.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-search`}>{t('inbox.search')}</label>
      <input
        id={`${id}-search`}
        type="search"
        data-testid="inbox-search"
        placeholder={t('inbox.searchPlaceholder')}
        value={filter.search}
        onChange={(e) => set({ search: e.target.value })}
      />
    </div>
  );
}
