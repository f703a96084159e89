import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { LoginScreen } from './LoginScreen';
import type { Session } from './session-store';

const session: Session = {
  token: 'tok',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: {
    id: 'u1',
    tenantId: 'demo',
    username: 'agent01',
    displayName: 'Agent 01',
    role: 'agent',
    agentId: 'a1',
  },
};

async function signIn(password = 'seat-demo') {
  await userEvent.type(screen.getByLabelText('User name'), 'agent01');
  await userEvent.type(screen.getByLabelText('Password'), `${password}{Enter}`);
}

describe('LoginScreen', () => {
  afterEach(cleanup);

  it('hands the session on once the server accepts the credentials', async () => {
    const login = vi.fn(async () => session);
    const onSignedIn = vi.fn();
    renderWithI18n(<LoginScreen auth={{ login }} onSignedIn={onSignedIn} />);
    await signIn();
    expect(login).toHaveBeenCalledWith({ tenant: 'demo', username: 'agent01', password: 'seat-demo' });
    expect(onSignedIn).toHaveBeenCalledWith(session);
  });

  it('shows a wrong password as a visible alert and stays on the form', async () => {
    const login = vi.fn(async () => {
      throw new ApiError('BAD_CREDENTIALS', 'The user name or password is wrong.', 401);
    });
    const onSignedIn = vi.fn();
    renderWithI18n(<LoginScreen auth={{ login }} onSignedIn={onSignedIn} />);
    await signIn('wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('The user name or password is wrong.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('translates the refusal again when the language changes', async () => {
    const login = vi.fn(async () => {
      throw new ApiError('RATE_LIMITED', 'Too many requests; slow down.', 429);
    });
    const { i18n } = renderWithI18n(<LoginScreen auth={{ login }} onSignedIn={() => {}} />);
    await signIn();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many attempts. Wait a moment and try again.',
    );
    await i18n.changeLanguage('zh-CN');
    expect((await screen.findByRole('alert')).textContent).toBe('尝试次数过多，请稍后再试。');
  });

  it('keeps the button disabled while the server is thinking', async () => {
    let answer: (s: Session) => void = () => {};
    const login = vi.fn(() => new Promise<Session>((resolve) => (answer = resolve)));
    renderWithI18n(<LoginScreen auth={{ login }} onSignedIn={() => {}} />);
    await signIn();
    expect(screen.getByRole('button', { name: 'Signing in…' })).toHaveProperty('disabled', true);
    answer(session);
  });

  it('explains why the agent is back on the sign-in screen', () => {
    renderWithI18n(
      <LoginScreen auth={{ login: vi.fn() }} onSignedIn={() => {}} notice="Your session has ended." />,
    );
    expect(screen.getByRole('status').textContent).toBe('Your session has ended.');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Seat' })).toBeTruthy();
  });
});
