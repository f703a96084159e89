import { expect, test } from '@playwright/test';
import { SeatPage } from './pages/seat-page';

test.describe('signing in', () => {
  test('an agent signs in through the UI and sees the agent shell', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell('agent01');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(seat.agentName).toContainText(/Signed in as \S+/);
    await expect(seat.agentState).toHaveAttribute('data-state', /^(logged_out|ready|not_ready)$/);
    for (const [pane, title] of [
      ['inbox', 'Inbox'],
      ['customer', 'Customer'],
      ['work-orders', 'Work orders'],
    ] as const) {
      await expect(seat.pane(pane)).toBeVisible();
      await expect(page.getByRole('region', { name: title })).toBeVisible();
    }
  });

  test('a wrong password is refused with a visible message and the seat stays on sign-in', async ({
    page,
  }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signIn('agent02', 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText('The user name or password is wrong.');
    await expect(seat.loginScreen).toBeVisible();
    await expect(seat.shell).toHaveCount(0);
    await expect(seat.password).toBeEditable();
  });

  test('empty fields are refused before anything is sent', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    let loginRequests = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/auth/login')) loginRequests++;
    });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your user name.')).toBeVisible();
    await expect(seat.username).toBeFocused();
    expect(loginRequests).toBe(0);
  });

  test('signing in works with the keyboard alone', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await expect(seat.username).toBeFocused();
    await page.keyboard.type('agent05');
    await page.keyboard.press('Tab');
    await expect(seat.password).toBeFocused();
    await page.keyboard.type('seat-demo');
    await page.keyboard.press('Enter');
    await seat.expectShellReady();
    // Tab from the top reaches the skip link first, then the state menu.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(seat.stateMenu).toBeFocused();
  });

  test('the session survives a reload and signing out returns to sign-in', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell('agent06');
    await page.reload();
    await seat.expectShellReady();
    await seat.signOut();
    await expect(seat.username).toBeVisible();
    await page.reload();
    await expect(seat.loginScreen).toBeVisible();
  });
});

test.describe('session end', () => {
  test('when the server ends the session the seat returns to sign-in and says why', async ({
    page,
    request,
  }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell('agent09');
    const token = await page.evaluate(() => {
      const stored = sessionStorage.getItem('seat.session');
      return stored ? (JSON.parse(stored) as { token: string }).token : null;
    });
    expect(token).not.toBeNull();
    // The same session signed out elsewhere (another tab, an admin): the server closes the seat socket.
    const reply = await request.post('/api/auth/logout', {
      headers: { authorization: `Bearer ${token}` },
      data: {},
    });
    expect(reply.ok()).toBe(true);
    await expect(seat.loginScreen).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Your session has ended. Sign in again to continue.');
  });
});
