import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { CallerPage, SoftphonePage, expectAudioFlowing, fakeMediaArgs, voiceContext } from './pages/voice';

// Voice end to end: the customer's call page (JsSIP) calls the Billing queue through the server's
// SIP edge; agents' web seats register their softphones (real JsSIP) and take the calls with real
// WebRTC media between pages of one Chromium, kept on loopback. Agents agent10..agent14 are this
// spec's; of them only the one a test makes ready can be offered a Billing call.

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: fakeMediaArgs } });

async function agent(browser: Browser, username: string, ready = true): Promise<SoftphonePage> {
  const context = await voiceContext(browser);
  const seat = new SoftphonePage(await context.newPage());
  await seat.signInWithPhone(username, ready);
  return seat;
}

async function caller(browser: Browser): Promise<CallerPage> {
  const context = await voiceContext(browser);
  return new CallerPage(await context.newPage());
}

test.describe('voice: customer to agent', () => {
  test('a customer calls a queue, the agent answers, audio flows both ways, the agent hangs up and wraps up', async ({
    browser,
  }) => {
    const seat = await agent(browser, 'agent10');
    const customer = await caller(browser);
    await customer.call('billing');

    await seat.expectCall('ringing');
    await expect(seat.button('answer')).toBeEnabled();
    await expect(seat.button('hold')).toBeDisabled();
    await seat.button('answer').click();

    await seat.expectCall('connected');
    await customer.expectState('connected');
    await expectAudioFlowing(seat.page, 'the agent');
    await expectAudioFlowing(customer.page, 'the customer');

    await seat.button('hangup').click();
    await customer.expectState('ended');
    await seat.finishWrapup('resolved');
    await seat.expectState('ready');
  });
});
