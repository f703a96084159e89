import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { demoPassword, SeatPage } from './pages/seat-page';

// One customer page and two agent seats (agent21, agent22: no other spec signs in as them) on the
// shared server. The chat queue is one both agents serve; any other agent Ready for it is set Not
// ready first, so the offers can only reach these seats.

interface AgentSummary {
  id: string;
  username: string | null;
  skills: { skill: string; proficiency: number }[];
  capacity: Record<string, number>;
  status: { state: string };
}
interface QueueSummary {
  id: string;
  name: string;
  channels: string[];
  requiredSkills: { skill: string; minProficiency: number }[];
}

// A 1×1 PNG: the server sniffs attachment bytes, so it must be a real image.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function adminHeaders(request: APIRequestContext) {
  const reply = await request.post('/api/auth/login', {
    data: { tenant: 'demo', username: 'admin', password: demoPassword },
  });
  expect(reply.ok()).toBe(true);
  return { authorization: `Bearer ${((await reply.json()) as { token: string }).token}` };
}

const qualifies = (agent: AgentSummary, queue: QueueSummary) => {
  const level = new Map(agent.skills.map((s) => [s.skill, s.proficiency]));
  return (
    (agent.capacity.im ?? 0) > 0 &&
    queue.requiredSkills.every((r) => (level.get(r.skill) ?? 0) >= r.minProficiency)
  );
};

/** A chat queue both agents serve; every other Ready agent who serves it is set Not ready. */
async function prepareQueue(request: APIRequestContext, first: string, second: string) {
  const headers = await adminHeaders(request);
  const agents = (
    (await (await request.get('/api/agents', { headers })).json()) as { agents: AgentSummary[] }
  ).agents;
  const queues = (
    (await (await request.get('/api/queues', { headers })).json()) as { queues: QueueSummary[] }
  ).queues;
  const a = agents.find((x) => x.username === first);
  const b = agents.find((x) => x.username === second);
  if (!a || !b) throw new Error('the demo seed lacks the chat e2e agents');
  const queue = queues.find((q) => q.channels.includes('im') && qualifies(a, q) && qualifies(b, q));
  if (!queue) throw new Error(`no chat queue is served by both ${first} and ${second}`);
  for (const other of agents)
    if (other.id !== a.id && other.id !== b.id && other.status.state === 'ready' && qualifies(other, queue)) {
      const reply = await request.put(`/api/agents/${other.id}/state`, {
        headers,
        data: { state: 'not_ready', reason: 'meeting' },
      });
      expect(reply.ok()).toBe(true);
    }
  return { queue, first: a, second: b };
}

async function signInAgent(page: Page, username: string, ready: boolean): Promise<SeatPage> {
  const seat = new SeatPage(page);
  await seat.open();
  await seat.signInToShell(username);
  await seat.chooseState(ready ? 'ready' : 'not_ready:meeting');
  await seat.expectState(ready ? 'ready' : 'not_ready', ready ? '' : 'meeting');
  return seat;
}

test.describe('web chat', () => {
  test('a customer chat is offered, an impostor join is refused, both sides talk and share files, and a transfer keeps the transcript', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const { queue, second } = await prepareQueue(request, 'agent21', 'agent22');
    const customerContext = await browser.newContext();
    const firstContext = await browser.newContext({ acceptDownloads: true });
    const secondContext = await browser.newContext();
    try {
      const agent1 = await signInAgent(await firstContext.newPage(), 'agent21', true);
      const agent2 = await signInAgent(await secondContext.newPage(), 'agent22', false);

      // The customer starts a chat from the widget.
      const customer = await customerContext.newPage();
      await customer.goto('/widget/');
      const customerName = `Chat E2E ${Date.now()}`;
      await customer.getByTestId('chat-name').fill(customerName);
      await customer.getByTestId('chat-contact').fill('chat.e2e@example.test');
      await customer.getByTestId('chat-topic').selectOption(queue.id);
      await customer.getByTestId('chat-start').click();

      // The offer reaches agent21; opening the row shows the chat pane, which has checked the join.
      const row = agent1.pane('inbox').locator('.ag-row', { hasText: customerName });
      await expect(row.getByTestId('inbox-state')).toHaveAttribute('data-state', 'offered');
      await row.locator('[col-id="customer"]').dblclick();
      const pane1 = agent1.page.getByTestId('chat-pane');
      await expect(pane1).toBeVisible();
      await expect(pane1.getByTestId('chat-pane-customer')).toHaveText(customerName);
      await expect(pane1).toHaveAttribute('data-join', 'verified');

      // An impostor with the chat's socket key but not the one-time token is refused; the agent is alerted.
      const refusal = await customer.evaluate(async () => {
        const saved = JSON.parse(window.sessionStorage.getItem('seat.webchat') ?? '{}') as {
          chatId?: string;
          chatKey?: string;
        };
        const url = `ws://${window.location.host}/webchat/ws?chatId=${saved.chatId}&key=${saved.chatKey}`;
        return new Promise<string>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => socket.send(JSON.stringify({ type: 'join', token: 'forged-token-0000' }));
          socket.onmessage = (event) => {
            const frame = JSON.parse(String(event.data)) as { type: string; error?: { code: string } };
            if (frame.type === 'error') {
              socket.close();
              resolve(frame.error?.code ?? 'error');
            }
          };
          socket.onclose = () => resolve('closed');
        });
      });
      expect(refusal).toMatch(/^CHAT_TOKEN_/);
      await expect(pane1.getByTestId('chat-pane-alert')).toHaveAttribute('data-kind', 'refused');
      await expect(agent1.page.getByRole('alert').first()).toBeVisible();

      // The real customer's join still stands: the agent accepts from the inbox row.
      await row.getByRole('button', { name: `Accept offer from ${customerName}` }).click();
      await expect(pane1).toHaveAttribute('data-join', 'accepted');
      await expect(customer.getByTestId('chat-status')).toHaveAttribute('data-state', 'active');

      // Customer → agent.
      await customer.getByTestId('chat-input').fill('Hello, my router keeps dropping.');
      await customer.getByTestId('chat-send').click();
      await expect(pane1.locator('[data-testid=chat-pane-message][data-author=customer]')).toContainText(
        'my router keeps dropping',
      );
      // Agent → customer, with Enter, and the customer's read receipt comes back.
      await pane1.getByTestId('chat-pane-input').fill('Sorry to hear that. Let me check your line.');
      await pane1.getByTestId('chat-pane-input').press('Enter');
      await expect(customer.locator('[data-testid=chat-message][data-author=agent]')).toContainText(
        'Let me check your line',
      );
      await expect(
        pane1.locator('[data-testid=chat-pane-message][data-author=agent] [data-testid=chat-pane-receipt]'),
      ).toHaveAttribute('data-receipt', /delivered|read/);

      // Files both ways: the customer's screenshot is downloaded by the agent; the agent's file reaches the customer.
      await customer
        .getByTestId('chat-attach')
        .setInputFiles({ name: 'router.png', mimeType: 'image/png', buffer: png });
      const fromCustomer = pane1.getByTestId('chat-pane-attachment').filter({ hasText: 'router.png' });
      await expect(fromCustomer).toBeVisible();
      const download = agent1.page.waitForEvent('download');
      await fromCustomer.click();
      expect((await download).suggestedFilename()).toBe('router.png');
      await pane1
        .getByTestId('chat-pane-attach')
        .setInputFiles({ name: 'steps.png', mimeType: 'image/png', buffer: png });
      await expect(customer.getByTestId('chat-attachment').filter({ hasText: 'steps.png' })).toBeVisible();

      // Transfer to agent22, who becomes Ready for it.
      await agent2.chooseState('ready');
      await agent2.expectState('ready');
      await pane1.getByTestId('chat-pane-transfer-target').selectOption(`agent:${second.id}`);
      await pane1.getByTestId('chat-pane-transfer').click();
      await expect(
        agent1.page.getByTestId('conversation-tab').filter({ hasText: customerName }),
      ).toHaveAttribute('data-gone', 'transferred');

      const row2 = agent2.pane('inbox').locator('.ag-row', { hasText: customerName });
      await expect(row2.getByTestId('inbox-state')).toHaveAttribute('data-state', 'offered');
      await row2.locator('[col-id="customer"]').dblclick();
      const pane2 = agent2.page.getByTestId('chat-pane');
      await expect(pane2).toHaveAttribute('data-join', 'verified');
      await row2.getByRole('button', { name: `Accept offer from ${customerName}` }).click();
      await expect(pane2).toHaveAttribute('data-join', 'accepted');
      // The whole transcript came along.
      const transcript2 = pane2.getByTestId('chat-pane-transcript');
      await expect(transcript2).toContainText('my router keeps dropping');
      await expect(transcript2).toContainText('Let me check your line');
      await expect(
        transcript2.getByTestId('chat-pane-attachment').filter({ hasText: 'router.png' }),
      ).toBeVisible();
      await expect(customer.getByTestId('chat-status')).toHaveAttribute('data-state', 'active');

      await pane2.getByTestId('chat-pane-input').fill('Hi, I am taking over. Your line is fixed now.');
      await pane2.getByTestId('chat-pane-send').click();
      await expect(customer.locator('[data-testid=chat-message][data-author=agent]').last()).toContainText(
        'taking over',
      );

      // The agent ends the chat and wraps it up; the tab closes.
      await pane2.getByTestId('chat-pane-end').click();
      await expect(customer.getByTestId('chat-status')).toHaveAttribute('data-state', 'ended');
      await pane2.getByTestId('chat-pane-wrapup').getByRole('button').click();
      await expect(agent2.page.getByTestId('conversation-tab')).toHaveCount(0);
      await agent1.chooseState('not_ready:meeting');
      await agent2.chooseState('not_ready:meeting');
    } finally {
      await customerContext.close();
      await firstContext.close();
      await secondContext.close();
    }
  });
});
