import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoginRequest, LoginResponse } from '@contract/auth';
import { defaultSettings } from '@contract/ipc/settings';
import type { Settings, SettingsPatch } from '@contract/ipc/settings';
import { ApiError } from '../api/api-error';
import type { AuthApi } from '../api/auth-api';
import { SeatSocket } from '../api/seat-socket';
import { FakeSocket, ManualTimers } from '../api/testing/fake-socket';
import { createSessionStore } from '../auth/session-store';
import { App } from './App';
import type { AppServices } from './services';

const user = {
  id: 'u1',
  tenantId: 'demo',
  username: 'agent01',
  displayName: 'Agent 01',
  role: 'agent' as const,
  agentId: 'a1',
};

/** A tiny in-memory stand-in for the server's session endpoints. */
class FakeAuth implements AuthApi {
  tokens = new Set<string>();
  loggedOut: string[] = [];
  private issued = 0;
  async login(req: LoginRequest): Promise<LoginResponse> {
    if (req.username !== 'agent01' || req.password !== 'seat-demo') {
      throw new ApiError('BAD_CREDENTIALS', 'The user name or password is wrong.', 401);
    }
    const token = `tok-${++this.issued}`;
    this.tokens.add(token);
    return { token, expiresAt: '2099-01-01T00:00:00.000Z', user };
  }
  current: () => string | null = () => null;
  async logout() {
    const token = this.current();
    if (token) {
      this.tokens.delete(token);
      this.loggedOut.push(token);
    }
  }
  async me() {
    const token = this.current();
    if (!token || !this.tokens.has(token)) throw new ApiError('TOKEN_EXPIRED', 'expired', 401);
    return { user, expiresAt: '2099-01-01T00:00:00.000Z' };
  }
}

class FakeHost {
  settings: Settings = { ...defaultSettings };
  saved: SettingsPatch[] = [];
  private listeners = new Set<(s: Settings) => void>();
  async setSettings(patch: SettingsPatch) {
    this.saved.push(patch);
    this.settings = { ...this.settings, ...patch } as Settings;
    return this.settings;
  }
  onSettingsChanged(listener: (s: Settings) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  changeElsewhere(patch: Partial<Settings>) {
    this.settings = { ...this.settings, ...patch };
    for (const l of this.listeners) l(this.settings);
  }
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function setup(
  options: { systemLocale?: string; storage?: ReturnType<typeof memoryStorage>; auth?: FakeAuth } = {},
) {
  const auth = options.auth ?? new FakeAuth();
  const host = new FakeHost();
  const storage = options.storage ?? memoryStorage();
  const sessions = createSessionStore(storage, () => Date.parse('2025-01-01T00:00:00.000Z'));
  auth.current = () => sessions.current()?.token ?? null;
  const sockets: FakeSocket[] = [];
  const root = document.createElement('html');
  const services: AppServices = {
    host,
    auth,
    sessions,
    systemLocale: options.systemLocale ?? 'en-GB',
    rootElement: root,
    openSocket: (token) =>
      new SeatSocket({
        url: `ws://seat.test/ws?token=${token}`,
        createSocket: (url) => {
          const s = new FakeSocket(url);
          sockets.push(s);
          return s;
        },
        timers: new ManualTimers(),
      }),
  };
  const view = render(<App services={services} initialLanguage="system" />);
  return { auth, host, storage, sessions, sockets, root, view };
}

async function signIn(password = 'seat-demo') {
  await userEvent.type(screen.getByLabelText('User name'), 'agent01');
  await userEvent.type(screen.getByLabelText('Password'), `${password}{Enter}`);
}

describe('App', () => {
  afterEach(cleanup);

  it('opens on the sign-in screen and shows the agent shell after signing in', async () => {
    const { sockets, sessions } = setup();
    expect(document.querySelector('[data-screen="login"]')).not.toBeNull();
    await signIn();
    expect(await screen.findByText('Signed in as Agent 01')).toBeTruthy();
    expect(document.querySelector('[data-screen="shell"]')).not.toBeNull();
    expect(sockets[0]?.url).toBe('ws://seat.test/ws?token=tok-1');
    expect(sessions.current()?.token).toBe('tok-1');
  });

  it('refuses a wrong password with a visible message and stays on sign-in', async () => {
    setup();
    await signIn('nope');
    expect((await screen.findByRole('alert')).textContent).toBe('The user name or password is wrong.');
    expect(document.querySelector('[data-screen="login"]')).not.toBeNull();
  });

  it('switches every string to Chinese at once, marks the page zh-CN and saves the choice', async () => {
    const { host, root } = setup();
    expect(root.lang).toBe('en');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    expect(root.lang).toBe('zh-CN');
    expect(host.saved).toEqual([{ language: 'zh-CN' }]);
    expect(document.title).toBe('Seat 坐席');
  });

  it('follows a Chinese system locale when the setting is system', () => {
    const { root } = setup({ systemLocale: 'zh-CN' });
    expect(screen.getByRole('heading', { name: '登录 Seat 坐席' })).toBeTruthy();
    expect(root.lang).toBe('zh-CN');
  });

  it('follows a language change made elsewhere, such as the desktop settings', async () => {
    const { host } = setup();
    act(() => host.changeElsewhere({ language: 'zh-CN' }));
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('keeps the session across a reload once the server confirms it', async () => {
    const storage = memoryStorage();
    const auth = new FakeAuth();
    const first = setup({ storage, auth });
    await signIn();
    await screen.findByText('Signed in as Agent 01');
    first.view.unmount();
    setup({ storage, auth });
    expect(await screen.findByText('Signed in as Agent 01')).toBeTruthy();
  });

  it('returns to sign-in with an explanation when the kept session is no longer valid', async () => {
    const storage = memoryStorage();
    const auth = new FakeAuth();
    const first = setup({ storage, auth });
    await signIn();
    await screen.findByText('Signed in as Agent 01');
    first.view.unmount();
    auth.tokens.clear();
    setup({ storage, auth });
    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeTruthy();
    expect(document.querySelector('[data-screen="login"]')).not.toBeNull();
  });

  it('signs out on the server and returns to sign-in', async () => {
    const { auth, sessions } = setup();
    await signIn();
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(document.querySelector('[data-screen="login"]')).not.toBeNull());
    expect(auth.loggedOut).toEqual(['tok-1']);
    expect(sessions.current()).toBeNull();
  });

  it('goes back to sign-in when the socket says the session expired', async () => {
    const { sockets, sessions } = setup();
    await signIn();
    await screen.findByText('Signed in as Agent 01');
    act(() => {
      sockets[0]?.serverOpens();
      sockets[0]?.serverSends({
        type: 'error',
        id: null,
        error: { code: 'TOKEN_EXPIRED', message: 'expired' },
      });
    });
    expect((await screen.findByRole('status')).textContent).toBe(
      'Your session has ended. Sign in again to continue.',
    );
    expect(sessions.current()).toBeNull();
  });

  it('shows a failure to save the language instead of hiding it', async () => {
    const { host } = setup();
    host.setSettings = vi.fn(async () => {
      throw new ApiError('UNAVAILABLE', 'down');
    });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'en');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The server is not available right now.',
    );
  });
});
