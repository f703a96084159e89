import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { demoPassword, SeatPage } from './pages/seat-page';

interface AgentSummary {
  id: string;
  username: string | null;
  skills: { skill: string; proficiency: number }[];
  capacity: Record<string, number>;
}
interface QueueSummary {
  id: string;
  name: string;
  channels: string[];
  requiredSkills: { skill: string; minProficiency: number }[];
}

async function adminToken(request: APIRequestContext): Promise<string> {
  const reply = await request.post('/api/auth/login', {
    data: { tenant: 'demo', username: 'admin', password: demoPassword },
  });
  expect(reply.ok()).toBe(true);
  return ((await reply.json()) as { token: string }).token;
}

async function createChat(
  request: APIRequestContext,
  token: string,
  queueId: string,
  agentId: string,
  customerName: string,
): Promise<string> {
  const created = await request.post('/api/interactions', {
    headers: {
      authorization: `Bearer ${token}`,
      'idempotency-key': `inbox-e2e-${customerName.replace(/\s/g, '-')}`,
    },
    data: {
      channel: 'im',
      queueId,
      preferredAgentId: agentId,
      attached: { customerName, subject: 'Where is my parcel?\nIt was due Monday.' },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { interaction: { id: string } }).interaction.id;
}

// Picks an agent no other spec signs in as, and a chat queue whose skills that agent has, so the
// offer goes to this agent whoever else is Ready.
async function agentAndQueue(request: APIRequestContext, token: string, candidates: readonly string[]) {
  const headers = { authorization: `Bearer ${token}` };
  const agents = (
    (await (await request.get('/api/agents', { headers })).json()) as { agents: AgentSummary[] }
  ).agents;
  const queues = (
    (await (await request.get('/api/queues', { headers })).json()) as { queues: QueueSummary[] }
  ).queues;
  for (const username of candidates) {
    const agent = agents.find((a) => a.username === username);
    if (!agent || (agent.capacity.im ?? 0) < 1) continue;
    const level = new Map(agent.skills.map((s) => [s.skill, s.proficiency]));
    const queue = queues.find(
      (q) =>
        q.channels.includes('im') &&
        q.requiredSkills.every((r) => (level.get(r.skill) ?? 0) >= r.minProficiency),
    );
    if (queue) return { agent: { id: agent.id, username }, queue };
  }
  throw new Error(`the demo seed has none of ${candidates.join(', ')} able to take chat in any queue`);
}

test.describe('inbox', () => {
  test('an offer appears in the Ready agent inbox, is accepted with the keyboard, and follows the channel filter', async ({
    page,
    request,
  }) => {
    const token = await adminToken(request);
    const { agent, queue } = await agentAndQueue(request, token, ['agent15', 'agent16', 'agent17']);
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell(agent.username);
    await seat.chooseState('ready');
    await seat.expectState('ready');

    const inbox = seat.pane('inbox');
    await expect(inbox.getByTestId('inbox-grid')).toBeVisible();
    const customerName = `Inbox E2E ${Date.now()}`;
    const interactionId = await createChat(request, token, queue.id, agent.id, customerName);

    const row = inbox.locator(`.ag-row[row-id="${interactionId}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('inbox-state')).toHaveAttribute('data-state', 'offered');
    await expect(row).toContainText(customerName);
    await expect(row).toContainText('Where is my parcel?');
    await expect(row).toContainText(queue.name);
    await expect(row.getByRole('img', { name: 'New, not yet opened' })).toBeVisible();
    await expect(inbox.getByTestId('inbox-status')).toContainText(`New offer: Chat from ${customerName}`);
    await expect(row.getByRole('button', { name: `Accept offer from ${customerName}` })).toBeEnabled();

    // Keyboard only: focus the row's customer cell, then press A.
    await row.locator('[col-id="customer"]').click();
    await expect(row.locator('[col-id="customer"]')).toBeFocused();
    await page.keyboard.press('a');
    await expect(row.getByTestId('inbox-state')).toHaveAttribute('data-state', 'active');
    await expect(inbox.getByTestId('inbox-status')).toContainText(`${customerName}: Active`);
    await expect(row.getByRole('button', { name: /Accept offer/ })).toHaveCount(0);

    const channelFilter = inbox.getByLabel('Channel', { exact: true });
    await channelFilter.selectOption('voice');
    await expect(row).toHaveCount(0);
    await channelFilter.selectOption('im');
    await expect(row).toBeVisible();
    await channelFilter.selectOption('');
    await expect(row).toBeVisible();

    await inbox.getByLabel('Search', { exact: true }).fill('no such customer anywhere');
    await expect(row).toHaveCount(0);
    await inbox.getByLabel('Search', { exact: true }).fill(customerName);
    await expect(row).toBeVisible();
  });

  test('an offer can be rejected from its Reject button, reached with arrow keys and Tab', async ({
    page,
    request,
  }) => {
    const token = await adminToken(request);
    const { agent, queue } = await agentAndQueue(request, token, ['agent18', 'agent19', 'agent20']);
    const seat = new SeatPage(page);
    await seat.open();
    await seat.signInToShell(agent.username);
    await seat.chooseState('ready');
    await seat.expectState('ready');

    const inbox = seat.pane('inbox');
    await expect(inbox.getByTestId('inbox-grid')).toBeVisible();
    const customerName = `Inbox E2E reject ${Date.now()}`;
    const interactionId = await createChat(request, token, queue.id, agent.id, customerName);
    const row = inbox.locator(`.ag-row[row-id="${interactionId}"]`);
    await expect(row.getByTestId('inbox-state')).toHaveAttribute('data-state', 'offered');

    await row.locator('[col-id="customer"]').click();
    const actionsCell = row.locator('[col-id="actions"]');
    // Walk right cell by cell (bounded by the column count) until the actions cell has focus.
    for (let step = 0; step < 12; step += 1) {
      if (await actionsCell.evaluate((cell) => cell === document.activeElement)) break;
      await page.keyboard.press('ArrowRight');
    }
    await expect(actionsCell).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(row.getByRole('button', { name: `Accept offer from ${customerName}` })).toBeFocused();
    await page.keyboard.press('Tab');
    const reject = row.getByRole('button', { name: `Reject offer from ${customerName}` });
    await expect(reject).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inbox.getByTestId('inbox-status')).toContainText(`Offer from ${customerName} rejected`);
    await expect(row).toHaveCount(0);

    // The rejected chat waits in its queue again, its skill rings widening as it waits, until some
    // other spec's agent goes ready and is offered it: the customer gives up instead.
    const cancelled = await request.post(`/api/interactions/${interactionId}/cancel`, {
      headers: { authorization: `Bearer ${token}` },
      data: {},
    });
    expect(cancelled.status()).toBe(200);
  });
});
