import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import type { CustomerApi } from './customer-api';
import type { CustomerFocus } from './customer-focus';
import { CustomerPane } from './CustomerPane';
import { customer, entry, transcript } from './testing';

afterEach(cleanup);

const chat = entry('im', { summary: 'My invoice is wrong', disposition: 'resolved' });
const mail = entry('email', {
  id: 'thread-1',
  startedAt: '2026-03-01T09:00:00.000Z',
  summary: 'Refund please',
  preview: 'Hello,\nplease refund order 42.',
});
const call = entry('voice', { id: 'call-1', startedAt: '2026-02-28T09:00:00.000Z', from: 'sip:+8610@demo' });

const fakeApi = (over: Partial<CustomerApi> = {}): CustomerApi => ({
  customer: vi.fn((id: string) => Promise.resolve(customer({ id }))),
  contacts: vi.fn(() => Promise.resolve({ contacts: [chat, mail, call], nextCursor: null })),
  chat: vi.fn(() => Promise.resolve(transcript())),
  ...over,
});

const show = (focus: CustomerFocus, api = fakeApi(), language: 'en' | 'zh-CN' = 'en') => {
  const focus$ = new BehaviorSubject<CustomerFocus>(focus);
  renderWithI18n(<CustomerPane focus$={focus$} api={api} />, language);
  return { focus$, api };
};

const known = (customerId = 'cust-1', ringing = false): CustomerFocus => ({
  kind: 'customer',
  customerId,
  ringing,
});

describe('customer pane', () => {
  it('shows the profile and the history of the customer of the conversation on screen', async () => {
    const { api } = show(known());
    const profile = await screen.findByTestId('customer-profile');
    expect(within(profile).getByRole('heading', { name: '王芳' })).toBeTruthy();
    expect(within(profile).getByText('Gold')).toBeTruthy();
    expect(within(profile).getByText('fang.wang@example.cn')).toBeTruthy();
    expect(within(profile).getByText('Prefers e-mail')).toBeTruthy();
    const history = await screen.findByTestId('contact-history');
    await within(history).findByText('My invoice is wrong');
    const rows = within(history).getAllByRole('button');
    expect(rows.map((r) => r.dataset.channel)).toEqual(['im', 'email', 'voice']);
    expect(within(history).getByText('sip:+8610@demo')).toBeTruthy();
    expect(api.contacts).toHaveBeenCalledWith('cust-1', null);
  });

  it("opens a chat's stored transcript read only, and closes it again", async () => {
    const { api } = show(known());
    fireEvent.click(await screen.findByRole('button', { name: /My invoice is wrong/ }));
    const detail = await screen.findByTestId('contact-detail');
    const lines = await within(detail).findByTestId('history-transcript');
    expect(within(lines).getByText('I have corrected it')).toBeTruthy();
    expect(within(detail).getByText('resolved')).toBeTruthy();
    expect(api.chat).toHaveBeenCalledWith('im-1');
    // Read only: nothing to type into and nothing to send.
    expect(within(detail).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(detail).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('contact-detail')).toBeNull();
  });

  it("shows an e-mail's subject and first lines without asking the server for the thread", async () => {
    const { api } = show(known());
    fireEvent.click(await screen.findByRole('button', { name: /Refund please/ }));
    const detail = await screen.findByTestId('contact-detail');
    expect(within(detail).getByRole('heading', { name: 'Refund please' })).toBeTruthy();
    expect(within(detail).getByText(/please refund order 42/)).toBeTruthy();
    expect(api.chat).not.toHaveBeenCalled();
  });

  it('loads older contacts with the cursor the previous page gave', async () => {
    const contacts = vi
      .fn<CustomerApi['contacts']>()
      .mockResolvedValueOnce({ contacts: [chat], nextCursor: 'next-1' })
      .mockResolvedValueOnce({ contacts: [call], nextCursor: null });
    show(known(), fakeApi({ contacts }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show older contacts' }));
    await screen.findByText('sip:+8610@demo');
    expect(contacts).toHaveBeenLastCalledWith('cust-1', 'next-1');
    expect(screen.getAllByRole('button', { pressed: false }).map((b) => b.dataset.channel)).toEqual([
      'im',
      'voice',
    ]);
    expect(screen.queryByRole('button', { name: 'Show older contacts' })).toBeNull();
  });

  it('says that an interaction without a customer is anonymous, in Chinese too', () => {
    show({ kind: 'anonymous', channel: 'email' });
    expect(screen.getByTestId('customer-anonymous').textContent).toMatch(/E-mail.*anonymous/);
    cleanup();
    show({ kind: 'anonymous', channel: 'im' }, fakeApi(), 'zh-CN');
    expect(screen.getByTestId('customer-anonymous').textContent).toContain('匿名');
  });

  it('marks a ringing caller and never shows an earlier customer that answers late', async () => {
    let answerFirst: (value: { contacts: never[]; nextCursor: null }) => void = () => {};
    const contacts = vi.fn<CustomerApi['contacts']>((id) =>
      id === 'slow'
        ? new Promise((resolve) => {
            answerFirst = resolve;
          })
        : Promise.resolve({ contacts: [call], nextCursor: null }),
    );
    const { focus$ } = show(known('slow'), fakeApi({ contacts }));
    act(() => focus$.next(known('caller', true)));
    const view = await screen.findByTestId('customer-view');
    expect(view.dataset.customerId).toBe('caller');
    expect(within(view).getByText('Ringing call')).toBeTruthy();
    await screen.findByText('sip:+8610@demo');
    await act(async () => answerFirst({ contacts: [], nextCursor: null }));
    expect(screen.getByText('sip:+8610@demo')).toBeTruthy();
  });

  it('says why the history could not be read', async () => {
    show(known(), fakeApi({ contacts: () => Promise.reject(new ApiError('NETWORK', 'down')) }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(screen.queryByText('No contacts with this customer yet.')).toBeNull();
  });

  it('shows the placeholder while no conversation is open', () => {
    show({ kind: 'none' });
    expect(screen.getByText(/The customer you are serving will appear here/)).toBeTruthy();
  });
});
