import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { noFilter } from './inbox-filter';
import { InboxFilterBar } from './InboxFilterBar';

const queues = [
  {
    id: 'q1',
    name: 'General',
    serviceLevelSeconds: 20,
    channels: ['im' as const],
    priority: 0,
    requiredSkills: [],
  },
];

describe('InboxFilterBar', () => {
  it('reports each labelled filter change with the other choices kept', () => {
    const onChange = vi.fn();
    renderWithI18n(
      <InboxFilterBar filter={{ ...noFilter, state: 'offered' }} queues={queues} onChange={onChange} />,
    );
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'im' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...noFilter, state: 'offered', channel: 'im' });
    fireEvent.change(screen.getByLabelText('Queue'), { target: { value: 'q1' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...noFilter, state: 'offered', queueId: 'q1' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'ada' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...noFilter, state: 'offered', search: 'ada' });
    expect(screen.getByRole('option', { name: 'General' })).toBeTruthy();
  });
});
