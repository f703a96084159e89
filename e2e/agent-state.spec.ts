import { expect, test } from '@playwright/test';
import { SeatPage } from './pages/seat-page';

test.describe('agent state', () => {
  test('the indicator follows the server as the agent goes Ready, then Not ready for a break', async ({
    page,
  }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell('agent03');

    await seat.chooseState('ready');
    await seat.expectState('ready');
    await expect(seat.agentState).toContainText('Ready');

    await seat.chooseState('not_ready:break');
    await seat.expectState('not_ready', 'break');
    await expect(seat.agentState).toContainText('Not ready – Break');
  });

  test('the state the server holds is shown again after a reload', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell('agent07');
    await seat.chooseState('not_ready:training');
    await seat.expectState('not_ready', 'training');
    await page.reload();
    await seat.expectShellReady();
    await seat.expectState('not_ready', 'training');
  });
});
