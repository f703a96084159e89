import { demoTenantId } from '../store/seed/demoSeed';
import type { CannedFields, CannedStore } from './cannedStore';

/** The demo tenant's shared canned responses, in English and Chinese. */
export const demoCannedResponses: readonly CannedFields[] = [
  {
    title: 'Greeting',
    shortcut: 'greet',
    language: 'en',
    body: 'Dear {{customer.name}},\n\nThank you for contacting us. My name is {{agent.name}} and I will help you today.',
  },
  {
    title: 'Closing',
    shortcut: 'close',
    language: 'en',
    body: 'If there is anything else, just reply to this message and quote your reference {{interaction.id}}.\n\nKind regards,\n{{agent.name}}',
  },
  {
    title: 'Invoice copy',
    shortcut: 'invoice',
    language: 'en',
    body: 'Dear {{customer.name}},\n\nPlease find a copy of your latest invoice attached. Payments can take up to three working days to show on your account.',
  },
  {
    title: '问候',
    shortcut: 'wenhou',
    language: 'zh-CN',
    body: '{{customer.name}}，您好！\n\n感谢您联系我们。我是{{agent.name}}，很高兴为您服务。',
  },
  {
    title: '结束语',
    shortcut: 'jieshu',
    language: 'zh-CN',
    body: '如有其他问题，请直接回复本邮件并注明编号 {{interaction.id}}。\n\n祝好！\n{{agent.name}}',
  },
];

/**
 * Adds the demo canned responses when the demo tenant exists and has no tenant-wide ones yet; a step
 * of its own (like the demo mailboxes) so databases seeded before canned responses get them too.
 * Returns how many it added.
 */
export function seedDemoCanned(store: CannedStore, tenantExists: boolean): number {
  if (!tenantExists) return 0;
  const owner = { tenantId: demoTenantId, ownerUserId: null };
  if (store.count(owner) > 0) return 0;
  for (const fields of demoCannedResponses) store.create(owner, fields, 'seed');
  return demoCannedResponses.length;
}
