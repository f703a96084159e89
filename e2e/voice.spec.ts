import {
  SoftphonePage,
  customerWithPhone,
  dtmfSent,
  expectAudible,
  expectAudioFlowing,
  sendersCarryMicrophone,
  fakeMediaArgs,
  voiceExpect as expect,
  voiceTest as test,
} from './pages/voice';

// Voice end to end: the customer's call page (JsSIP) calls the Billing queue through the server's
// SIP edge; agents' web seats register their softphones (real JsSIP) and take the calls with real
// WebRTC media between pages of one Chromium, kept on loopback. Agents agent10..agent14 are this
// spec's; of them only the one a test makes ready can be offered a Billing call.

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: fakeMediaArgs } });
// Two to three pages with live WebRTC media each: on a shared two-core machine a call takes a while.
test.describe.configure({ timeout: 120_000 });

test.describe('voice: customer to agent', () => {
  test('a customer calls a queue, the agent answers from the keyboard, audio flows both ways, the agent hangs up and wraps up', async ({
    phones,
  }) => {
    const seat = await phones.agent('agent10');
    const customer = await phones.caller();
    const known = customerWithPhone();
    await customer.call('billing', known.phone);

    await seat.expectCall('ringing');
    // The number the caller gave finds their record: the agent sees who it is before answering.
    await expect(seat.page.getByTestId('customer-view')).toHaveAttribute('data-customer-id', known.id);
    await expect(seat.page.getByTestId('customer-profile')).toContainText(known.name);
    await expect(seat.button('answer')).toBeEnabled();
    await expect(seat.button('hold')).toBeDisabled();
    // The shortcut the button announces is the one that works.
    await expect(seat.button('answer')).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+A');
    await seat.page.keyboard.press('Control+Shift+A');

    await seat.expectCall('connected');
    await customer.expectState('connected');
    await expectAudioFlowing(seat.page, 'the agent');
    await expectAudioFlowing(customer.page, 'the customer');
    await expectAudible(seat.page, 'the agent hearing the customer');
    await expectAudible(customer.page, 'the customer hearing the agent');

    await seat.page.keyboard.press('Control+Shift+H');
    await customer.expectState('ended');
    await seat.finishWrapup('resolved');
    await seat.expectState('ready');
  });

  test('hold sends music to the caller, resume brings the agent back, keypad digits go in the call, the customer hangs up', async ({
    phones,
  }) => {
    const seat = await phones.agent('agent10');
    const customer = await phones.caller();
    await customer.call('billing');
    await seat.expectCall('ringing');
    await seat.button('answer').click();
    await customer.expectState('connected');

    await seat.button('hold').click();
    await seat.expectCall('held');
    await customer.expectState('held');
    await expect(seat.button('hold')).toHaveAttribute('aria-pressed', 'true');
    await expect(seat.button('transfer')).toBeEnabled();
    await expect(seat.button('mute')).toBeDisabled();
    // While held the agent's microphone is off the line and generated music takes its place.
    await expect.poll(() => sendersCarryMicrophone(seat.page)).toEqual([false]);
    await expectAudible(customer.page, 'the held customer (music on hold)');

    await seat.button('hold').click();
    await seat.expectCall('connected');
    await customer.expectState('connected');
    await expect.poll(() => sendersCarryMicrophone(seat.page)).toEqual([true]);
    await seat.button('keypad-toggle').click();
    await seat.page.getByTestId('cti-dtmf-5').click();
    await expect(seat.page.getByTestId('cti-error')).toHaveCount(0);
    await expect.poll(() => dtmfSent(seat.page)).toEqual(['5']);
    await expectAudible(customer.page, 'the customer after resume');

    await customer.hangUp();
    await customer.expectState('ended');
    await seat.expectState('wrapup');
    await seat.finishWrapup('callback');
    await seat.expectState('ready');
  });

  test('an agent dials a queue and a colleague there answers; a number with no trunk is refused with the reason', async ({
    phones,
  }) => {
    // agent13 has no Billing skill, so the call it places to Billing can only reach agent14.
    const dialler = await phones.agent('agent13', false);
    await dialler.target('dial', 'number', '5550100');
    await expect(dialler.page.getByTestId('cti-error')).toContainText('5550100');
    await dialler.expectCall('idle');

    const colleague = await phones.agent('agent14');
    await dialler.target('dial', 'queue', 'demo-queue-billing');
    await dialler.expectCall('dialing');
    await expect(dialler.button('hold')).toBeDisabled();
    await colleague.expectCall('ringing');
    await colleague.button('answer').click();
    await dialler.expectCall('connected');
    await expectAudioFlowing(dialler.page, 'the dialling agent');
    await expectAudioFlowing(colleague.page, 'the colleague');
    await dialler.button('hangup').click();
    await colleague.finishWrapup();
  });
});

test.describe('voice: transfers and conference', () => {
  test('blind transfer to a second agent: the second agent rings, answers and talks to the customer', async ({
    phones,
  }) => {
    const first = await phones.agent('agent10');
    const customer = await phones.caller();
    await customer.call('billing');
    await first.expectCall('ringing');
    await first.button('answer').click();
    await customer.expectState('connected');

    // Signed in only now, so the Billing call could not have been offered to them first.
    const second = await phones.agent('agent11');
    await first.target('transfer', 'agent', 'agent11');
    await second.expectCall('ringing');
    await first.expectCall('idle');
    await second.button('answer').click();
    await second.expectCall('connected');
    await customer.expectState('connected');
    await expectAudioFlowing(second.page, 'the second agent');
    await expectAudioFlowing(customer.page, 'the customer after the transfer');

    await customer.hangUp();
    await second.finishWrapup();
  });

  test('consult a colleague while the customer is held, then complete the transfer', async ({ phones }) => {
    const first = await phones.agent('agent10');
    const customer = await phones.caller();
    await customer.call('billing');
    await first.expectCall('ringing');
    await first.button('answer').click();
    await customer.expectState('connected');

    const second = await phones.agent('agent12');
    await first.target('consult', 'agent', 'agent12');
    await first.expectCall('consulting');
    await customer.expectState('held');
    await second.expectCall('ringing');
    await second.button('answer').click();
    await second.expectCall('connected');
    await expect(first.button('complete')).toBeEnabled();
    await expectAudioFlowing(second.page, 'the consulted agent');

    await first.button('complete').click();
    await first.expectCall('idle');
    await customer.expectState('connected');
    await second.expectCall('connected');
    await expectAudioFlowing(customer.page, 'the customer with the colleague');
    await expectAudioFlowing(second.page, 'the colleague with the customer');

    await second.button('hangup').click();
    await customer.expectState('ended');
    await second.finishWrapup();
  });

  test('a three-way conference mixed in the seat, ended by the agent for everyone', async ({ phones }) => {
    const first = await phones.agent('agent10');
    const customer = await phones.caller();
    await customer.call('billing');
    await first.expectCall('ringing');
    await first.button('answer').click();
    await customer.expectState('connected');

    const second = await phones.agent('agent13', false);
    await first.target('consult', 'agent', 'agent13');
    await second.expectCall('ringing');
    await second.button('answer').click();
    await first.expectCall('consulting');
    await first.button('conference').click();
    await first.expectCall('conference');
    await customer.expectState('connected');
    for (const [page, who] of [
      [customer.page, 'the customer'],
      [first.page, 'the agent'],
      [second.page, 'the colleague'],
    ] as const)
      await expectAudioFlowing(page, `${who} in the conference`);
    // The seat mixes: each far party gets the agent's voice plus the other party's, so with the
    // agent muted the customer and the colleague still hear each other.
    await expect.poll(() => sendersCarryMicrophone(first.page)).toEqual([false, false]);
    await first.button('mute').click();
    await expectAudible(customer.page, 'the customer hearing the colleague');
    await expectAudible(second.page, 'the colleague hearing the customer');

    await first.button('hangup').click();
    await customer.expectState('ended');
    await second.expectCall('idle');
    await first.finishWrapup();
  });
});

test.describe('voice: registration', () => {
  test('the server drops the SIP socket during registration and the softphone connects and registers again', async ({
    phones,
  }) => {
    const context = await phones.context();
    const page = await context.newPage();
    const connections: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.routeWebSocket(
      (url) => url.pathname === '/sip',
      async (ws) => {
        const index = connections.push('open');
        if (index === 1) {
          // The first connection reaches the server; its first REGISTER makes the server end it.
          const server = ws.connectToServer();
          ws.onMessage((message) => {
            if (String(message).startsWith('REGISTER ')) {
              connections[0] = 'killed';
              // The route stands between page and server: end both sides, as a dropped socket does.
              void server.close({ code: 1011, reason: 'dropped during registration' });
              void ws.close({ code: 1011, reason: 'dropped during registration' });
            } else server.send(message);
          });
          return;
        }
        // Later connections are held until the test has seen the phone unregistered, then pass through.
        const held: Array<string | Buffer> = [];
        let server: ReturnType<typeof ws.connectToServer> | null = null;
        ws.onMessage((message) => (server ? server.send(message) : held.push(message)));
        await gate;
        server = ws.connectToServer();
        for (const message of held) server.send(message);
      },
    );
    const seat = new SoftphonePage(page);
    await seat.open();
    await seat.signInToShell('agent14');
    await expect.poll(() => connections.length, { message: 'JsSIP opened a second socket' }).toBe(2);
    expect(connections[0]).toBe('killed');
    // The second socket is held by the test: the phone shows it is neither connected nor registered.
    await expect(seat.sipConnection).toHaveAttribute('data-state', 'connecting');
    await expect(seat.registration).toHaveAttribute('data-state', 'unregistered');
    release();
    await expect(seat.registration).toHaveAttribute('data-state', 'registered');
    await expect(seat.sipConnection).toHaveAttribute('data-state', 'connected');
  });
});
