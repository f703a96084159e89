import { expect, test } from '@playwright/test';
import { SeatPage } from './pages/seat-page';

test.describe('language', () => {
  test('switching to Chinese changes the strings at once and survives a reload', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await seat.languageSwitch.selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录 Seat 坐席');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await seat.signInToShell('agent04');
    await expect(page.getByRole('region', { name: '收件箱' })).toBeVisible();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();

    await page.reload();
    await seat.expectShellReady();
    await expect(page.getByRole('region', { name: '工单' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await seat.languageSwitch.selectOption('en');
    await expect(page.getByRole('region', { name: 'Work orders' })).toBeVisible();
  });

  test('a refusal is shown in Chinese when the seat speaks Chinese', async ({ page }) => {
    const seat = new SeatPage(page);
    await seat.open();
    await seat.languageSwitch.selectOption('zh-CN');
    await seat.signIn('agent08', 'wrong-password');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');
  });
});
