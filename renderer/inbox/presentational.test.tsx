import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { ChannelIcon } from './ChannelIcon';
import { noFilter } from './inbox-filter';
import { InboxFilterBar } from './InboxFilterBar';
import { OfferActions } from './OfferActions';

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

describe('inbox presentational pieces', () => {
  it('names a channel icon for screen readers in the current language', () => {
    renderWithI18n(<ChannelIcon channel="email" />, 'zh-CN');
    expect(screen.getByRole('img', { name: '电子邮件' })).toBeTruthy();
  });

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

  it('offers accept and reject buttons named after the customer, disabled while pending', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    const { rerender } = renderWithI18n(
      <OfferActions customer="Ada" pending={false} onAccept={onAccept} onReject={onReject} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Accept offer from Ada' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject offer from Ada' }));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onReject).toHaveBeenCalledTimes(1);
    rerender(<OfferActions customer="Ada" pending onAccept={onAccept} onReject={onReject} />);
    expect(
      (screen.getByRole('button', { name: 'Accept offer from Ada' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
