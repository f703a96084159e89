import type { InboxRow } from './inbox-row';

/** The filter bar's choices; an empty string means "all". */
export interface InboxFilter {
  channel: string;
  state: string;
  queueId: string;
  search: string;
}

export const noFilter: InboxFilter = { channel: '', state: '', queueId: '', search: '' };

/** Whether the channel/state/queue choices narrow the list (the quick search goes to the grid itself). */
export function hasChoiceFilter(filter: InboxFilter): boolean {
  return filter.channel !== '' || filter.state !== '' || filter.queueId !== '';
}

/** Whether a row passes the channel, state and queue choices. */
export function passesFilter(row: InboxRow, filter: InboxFilter): boolean {
  return (
    (filter.channel === '' || row.channel === filter.channel) &&
    (filter.state === '' || row.state === filter.state) &&
    (filter.queueId === '' || row.queueId === filter.queueId)
  );
}
