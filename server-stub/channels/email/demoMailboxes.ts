import { demoTenantId } from '../../store/seed/demoSeed';
import type { MailboxStore } from './mailboxStore';

/** The demo tenant's mailboxes: general support and billing, each feeding the queue of that name. */
export const demoMailboxes = [
  {
    id: 'demo-mailbox-support',
    address: 'support@demo.seat.test',
    displayName: 'Demo Support',
    queueId: 'demo-queue-general',
    settings: {
      imap: null,
      relay: null,
      autoAcknowledge: {
        subject: 'We have your message: {subject}',
        text: 'Thank you for writing to Demo Support. Your reference is {reference}; an agent will answer soon.\n\nPlease keep the reference in the subject when you write again.',
      },
    },
  },
  {
    id: 'demo-mailbox-billing',
    address: 'billing@demo.seat.test',
    displayName: 'Demo Billing',
    queueId: 'demo-queue-billing',
  },
] as const;

/**
 * Adds the demo mailboxes when the demo tenant exists and has none yet; a separate step from the
 * tenant seed so databases seeded before the e-mail channel get them too. Returns how many it added.
 */
export function seedDemoMailboxes(mailboxes: MailboxStore, now: number): number {
  if (mailboxes.list(demoTenantId).length > 0) return 0;
  let added = 0;
  for (const mailbox of demoMailboxes) {
    if (mailboxes.byAddress(mailbox.address)) continue;
    mailboxes.save(demoTenantId, mailbox, now);
    added++;
  }
  return added;
}
