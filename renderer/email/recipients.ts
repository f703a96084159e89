import type { EmailAddress, EmailMessage } from '@contract/email';

// Who a reply goes to, as the server will compute it (server-stub/channels/email/composeReply.ts):
// the composer shows these before sending, so the agent sees exactly who gets the answer.

/** The composer's mode. */
export type ComposeMode = 'reply' | 'replyAll' | 'forward';

/** The recipients the server adds by itself for a mode; the agent's extra ones come on top. */
export interface ComputedRecipients {
  to: EmailAddress[];
  cc: EmailAddress[];
}

function distinct(list: readonly EmailAddress[], exclude: Set<string>): EmailAddress[] {
  const out: EmailAddress[] = [];
  for (const a of list) {
    const key = a.address.toLowerCase();
    if (exclude.has(key)) continue;
    exclude.add(key);
    out.push(a);
  }
  return out;
}

/** The computed recipients of replying to `original` from `mailboxAddress` in `mode`. */
export function computedRecipients(
  original: Pick<EmailMessage, 'direction' | 'from' | 'replyTo' | 'to' | 'cc'>,
  mode: ComposeMode,
  mailboxAddress: string,
): ComputedRecipients {
  if (mode === 'forward') return { to: [], cc: [] };
  const seen = new Set([mailboxAddress.toLowerCase()]);
  const sender =
    original.direction === 'outbound'
      ? original.to
      : [original.replyTo ?? original.from].flatMap((a) => a ?? []);
  const to = distinct(sender, seen);
  const cc = mode === 'replyAll' ? distinct([...original.to, ...original.cc], seen) : [];
  return { to, cc };
}

/** "Name <address>" or the bare address. */
export const displayAddress = (a: EmailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** Splits what the agent typed into addresses: commas, semicolons, spaces and new lines separate them. */
export function splitAddresses(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const plainAddress = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;

/** The typed entries that are not plain addresses (the server would refuse them). */
export function invalidAddresses(entries: readonly string[]): string[] {
  return entries.filter((e) => !plainAddress.test(e) || e.length > 254);
}

/** "Re: " or "Fwd: " added once, as the server does. */
export function prefixedSubject(mode: ComposeMode, subject: string): string {
  const trimmed = subject.trim();
  const pattern = mode === 'forward' ? /^(fwd?|fw)\s*:/i : /^re\s*:/i;
  if (pattern.test(trimmed)) return trimmed;
  return `${mode === 'forward' ? 'Fwd' : 'Re'}: ${trimmed}`.trim();
}
