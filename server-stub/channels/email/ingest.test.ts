import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentOf, demoTenant } from '../../interactions/fixture';
import { openEmailFixture, rawMessage, type EmailFixture } from './emailTestFixture';
import type { Mailbox } from './mailboxConfig';

let f: EmailFixture;
let support: Mailbox;
beforeEach(async () => {
  f = await openEmailFixture();
  support = f.mailboxes.byAddress('support@demo.seat.test') as Mailbox;
});
afterEach(() => f.dispose());

const interactionsOf = () =>
  f.routing.service
    .list(demoTenant, ['queued', 'offered', 'active', 'wrapup', 'ended'], 100)
    .filter((i) => i.channel === 'email');

describe('e-mail ingest', () => {
  it('turns the first message of a thread into an e-mail interaction in the mailbox queue, with the sender matched to a customer', async () => {
    const { customerId, address } = f.customerWithEmail();
    const [outcome] = await f.ingest.ingest(
      rawMessage({ From: `Someone <${address.toUpperCase()}>` }),
      [support],
      'smtp',
    );
    expect(outcome).toMatchObject({ duplicate: false, newThread: true, routed: { action: 'created' } });
    const [interaction] = interactionsOf();
    expect(interaction).toMatchObject({
      channel: 'email',
      queueId: 'demo-queue-general',
      customerId,
      state: 'queued',
    });
    expect(interaction?.attached).toMatchObject({
      email: { threadId: outcome?.thread.id, mailbox: 'support@demo.seat.test', subject: 'Router broken' },
    });
    expect(f.messages.thread(demoTenant, outcome?.thread.id ?? '')).toMatchObject({
      customerId,
      interactionId: interaction?.id,
      subject: 'Router broken',
    });
  });

  it('leaves the customer empty for an unknown sender and still routes the message', async () => {
    const [outcome] = await f.ingest.ingest(
      rawMessage({ From: 'nobody@unknown.example' }),
      [support],
      'smtp',
    );
    expect(outcome?.thread.customerId).toBeNull();
    expect(interactionsOf()).toHaveLength(1);
  });

  it('stores a re-delivered Message-ID once and never queues it twice', async () => {
    const raw = rawMessage({});
    await f.ingest.ingest(raw, [support], 'smtp');
    const [again] = await f.ingest.ingest(raw, [support], 'imap');
    expect(again?.duplicate).toBe(true);
    expect(interactionsOf()).toHaveLength(1);
    expect(f.messages.messages(again?.thread.id ?? '')).toHaveLength(1);
    expect(f.routing.service.queueLive(demoTenant, 'demo-queue-general').waiting).toBe(1);
  });

  it('joins a reply to its thread and tells the agent who owns the interaction, without new work', async () => {
    const [first] = await f.ingest.ingest(rawMessage({}), [support], 'smtp');
    await f.routing.service.setAgentState(demoTenant, agentOf(1), 'ready', null, agentOf(1));
    const interactionId = first?.thread.interactionId ?? '';
    const offered = f.routing.service.get(demoTenant, interactionId);
    expect(offered.state).toBe('offered');
    const owner = offered.agentId ?? '';
    await f.routing.service.accept(demoTenant, interactionId, owner);

    const [reply] = await f.ingest.ingest(
      rawMessage({
        'Message-ID': '<second@example.cn>',
        'In-Reply-To': '<nothing-we-know@x>',
        References: '<first@example.cn> <nothing-we-know@x>',
        Subject: 'Re: Router broken',
      }),
      [support],
      'smtp',
    );
    expect(reply).toMatchObject({
      newThread: false,
      routed: { action: 'attached', interactionId, notifiedAgentId: owner },
    });
    expect(reply?.thread.id).toBe(first?.thread.id);
    expect(interactionsOf()).toHaveLength(1);
    const frames = f.routing.framesTo(owner).filter((m) => m.type === 'email.received');
    expect(frames).toEqual([
      expect.objectContaining({
        type: 'email.received',
        interactionId,
        threadId: first?.thread.id,
        message: expect.objectContaining({ messageId: '<second@example.cn>', subject: 'Re: Router broken' }),
      }),
    ]);
  });

  it('opens new work for the same thread when the customer writes after the interaction ended, preferring the agent who had it', async () => {
    const [first] = await f.ingest.ingest(rawMessage({}), [support], 'smtp');
    await f.routing.service.setAgentState(demoTenant, agentOf(1), 'ready', null, agentOf(1));
    const firstId = first?.thread.interactionId ?? '';
    const owner = f.routing.service.get(demoTenant, firstId).agentId ?? '';
    await f.routing.service.accept(demoTenant, firstId, owner);
    await f.routing.service.end(demoTenant, firstId, owner);
    await f.routing.service.wrapup(demoTenant, firstId, owner, 'resolved');

    const [later] = await f.ingest.ingest(
      rawMessage({ 'Message-ID': '<third@example.cn>', 'In-Reply-To': '<first@example.cn>' }),
      [support],
      'smtp',
    );
    expect(later?.routed?.action).toBe('created');
    expect(later?.thread.id).toBe(first?.thread.id);
    const reopened = f.routing.service.get(demoTenant, later?.routed?.interactionId ?? '');
    expect(reopened.id).not.toBe(firstId);
    expect(reopened.agentId).toBe(owner);
    expect(f.messages.thread(demoTenant, first?.thread.id ?? '')?.interactionId).toBe(reopened.id);
  });

  it('keeps threads of two mailboxes apart even for the same Message-ID', async () => {
    const billing = f.mailboxes.byAddress('BILLING@demo.seat.test') as Mailbox;
    const outcomes = await f.ingest.ingest(
      rawMessage({ To: 'support@demo.seat.test, billing@demo.seat.test' }),
      [support, billing, support],
      'smtp',
    );
    expect(outcomes).toHaveLength(2);
    expect(new Set(outcomes.map((o) => o.thread.id)).size).toBe(2);
    expect(
      interactionsOf()
        .map((i) => i.queueId)
        .sort(),
    ).toEqual(['demo-queue-billing', 'demo-queue-general']);
  });

  it('stores and routes a message with broken encoding, keeping the problem and the original bytes', async () => {
    const raw = rawMessage(
      { 'Content-Type': 'text/plain; charset=x-unknown-8', 'Content-Transfer-Encoding': '8bit' },
      '',
    );
    const [outcome] = await f.ingest.ingest(
      Buffer.concat([raw, Buffer.from('Preis: 10\xa4\r\n', 'latin1')]),
      [support],
      'smtp',
    );
    expect(outcome).toMatchObject({ duplicate: false, routed: { action: 'created' } });
    const stored = f.messages.message(demoTenant, outcome?.message.id ?? '');
    expect(stored?.text.trim()).toBe('Preis: 10\uFFFD');
    expect(stored?.parseProblem).toMatch(/unknown character set "x-unknown-8"/);
    expect(f.messages.raw(demoTenant, outcome?.message.id ?? '')?.includes(Buffer.from([0xa4]))).toBe(true);
  });

  it('keeps a message whose routing failed and routes it on resume', async () => {
    const realRoute = f.router.route;
    let fail = true;
    f.router.route = async (...args) => {
      if (fail) throw new Error('router down');
      return realRoute(...args);
    };
    const [outcome] = await f.ingest.ingest(rawMessage({}), [support], 'smtp');
    expect(outcome?.routed).toBeNull();
    expect(f.errors).toHaveLength(1);
    expect(interactionsOf()).toHaveLength(0);
    expect(f.messages.unrouted(10).map((m) => m.id)).toEqual([outcome?.message.id]);

    fail = false;
    expect(await f.ingest.resumeUnrouted()).toBe(1);
    expect(interactionsOf()).toHaveLength(1);
    expect(f.messages.unrouted(10)).toEqual([]);
  });
});
