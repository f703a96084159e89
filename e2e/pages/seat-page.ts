import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Demo password of every seeded account. */
export const demoPassword = 'seat-demo';

/**
 * The web seat as a test sees it. Waits only on state the app exposes in the DOM (data-screen,
 * data-state, data-connection), never on timers.
 */
export class SeatPage {
  constructor(readonly page: Page) {}

  get loginScreen(): Locator {
    return this.page.locator('[data-screen="login"]');
  }

  get shell(): Locator {
    return this.page.locator('[data-screen="shell"]');
  }

  get username(): Locator {
    return this.page.getByLabel(/^(User name|用户名)$/);
  }

  get password(): Locator {
    return this.page.getByLabel(/^(Password|密码)$/);
  }

  get loginError(): Locator {
    return this.page.getByTestId('login-error');
  }

  get agentName(): Locator {
    return this.page.getByTestId('agent-name');
  }

  get agentState(): Locator {
    return this.page.getByTestId('agent-state');
  }

  get stateMenu(): Locator {
    return this.page.getByTestId('agent-state-select');
  }

  get connection(): Locator {
    return this.page.getByTestId('connection');
  }

  get languageSwitch(): Locator {
    return this.page.getByTestId('language-switch');
  }

  pane(name: 'inbox' | 'customer' | 'work-orders'): Locator {
    return this.page.locator(`[data-pane="${name}"]`);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.loginScreen.or(this.shell)).toBeVisible();
  }

  async signIn(username: string, password = demoPassword): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  }

  /** Signs in and waits until the shell is up and its socket is open. */
  async signInToShell(username: string): Promise<void> {
    await this.signIn(username);
    await this.expectShellReady();
  }

  async expectShellReady(): Promise<void> {
    await expect(this.shell).toBeVisible();
    await expect(this.connection).toHaveAttribute('data-connection', 'open');
  }

  /** Chooses a state from the menu, e.g. 'ready' or 'not_ready:break'. */
  async chooseState(value: string): Promise<void> {
    await this.stateMenu.selectOption(value);
  }

  async expectState(state: string, reason = ''): Promise<void> {
    await expect(this.agentState).toHaveAttribute('data-state', state);
    await expect(this.agentState).toHaveAttribute('data-reason', reason);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Sign out|退出登录)$/ }).click();
    await expect(this.loginScreen).toBeVisible();
  }
}
