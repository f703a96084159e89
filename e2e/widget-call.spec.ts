import { expect, test } from '@playwright/test';

// The customer's page calls a queue with JsSIP over the server's /sip WebSocket. The Mandarin queue
// is used because no e2e spec makes a Mandarin agent ready with a registered softphone, so the call
// waits and the edge's 182 Queued reaches the page. Media stays on loopback: the microphone is
// Chromium's fake device and only 127.0.0.1 host candidates are kept.

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
    ],
  },
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    // Every AudioContext the page makes, so a test can tell whether waiting music plays.
    const made: AudioContext[] = [];
    (window as unknown as { seatAudioContexts: AudioContext[] }).seatAudioContexts = made;
    const Original = window.AudioContext;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        made.push(this);
      }
    };
    // Keep only loopback candidates in every offer and answer this page makes (DESIGN §9).
    const keepLoopback = (sdp: string | undefined) =>
      sdp
        ?.split('\r\n')
        .filter((line) => !line.startsWith('a=candidate:') || / 127\.0\.0\.1 /.test(line))
        .join('\r\n');
    // JsSIP sends localDescription once ICE gathering is done, so the filter sits on that getter.
    const described = Object.getOwnPropertyDescriptor(RTCPeerConnection.prototype, 'localDescription');
    Object.defineProperty(RTCPeerConnection.prototype, 'localDescription', {
      configurable: true,
      get(this: RTCPeerConnection) {
        const description = described?.get?.call(this) as RTCSessionDescription | null;
        return description
          ? new RTCSessionDescription({ type: description.type, sdp: keepLoopback(description.sdp) ?? '' })
          : description;
      },
    });
  });
});

test.describe('customer call page', () => {
  test('a customer calls a queue nobody is free to answer, hears waiting music and sees queued with a position, then hangs up', async ({
    page,
  }) => {
    await page.goto('/widget/?tenant=demo&queue=mandarin');
    const status = page.getByTestId('call-status');
    await expect(status).toHaveAttribute('data-state', 'idle');
    await page.getByTestId('call-button').click();
    await expect(status).toHaveAttribute('data-state', 'queued');
    await expect(page.getByTestId('call-position')).toHaveText(/Position in queue: \d+/);
    const musicStates = () =>
      page.evaluate(() =>
        (window as unknown as { seatAudioContexts: AudioContext[] }).seatAudioContexts.map((c) => c.state),
      );
    await expect.poll(musicStates).toEqual(['running']);
    await page.getByTestId('call-hangup').click();
    await expect(status).toHaveAttribute('data-state', 'ended');
    await expect.poll(musicStates).toEqual(['closed']);
    await expect(page.getByTestId('call-button')).toBeVisible();
  });

  test('without a queue in the link the customer picks one from the lines the server lists', async ({
    page,
  }) => {
    await page.goto('/widget/?tenant=demo');
    const picker = page.getByTestId('call-queue');
    await expect(picker.locator('option', { hasText: 'Mandarin' })).toHaveCount(1);
    await picker.selectOption('mandarin');
    await page.getByTestId('call-button').click();
    await expect(page.getByTestId('call-status')).toHaveAttribute('data-state', 'queued');
    await page.getByTestId('call-hangup').click();
    await expect(page.getByTestId('call-status')).toHaveAttribute('data-state', 'ended');
  });
});
