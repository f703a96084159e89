import { expect } from 'vitest';
import type { ParsedMessage } from '../message/parse';
import { header } from '../message/sipMessage';
import { digestAuthorization, sipRequest, sipResponse, type SipTestClient } from './sipTestClient';

// Steps that several edge tests repeat: registering an agent, placing and answering calls, and
// writing in-dialog requests from a message received earlier.

export const sdpOffer =
  'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n';
export const sdpAnswer = sdpOffer.replace('o=- 1 1', 'o=- 2 2');

/**
 * Registers `username` (password seat-demo) over `client` with the digest handshake; expects 200.
 * Under a test's fixed clock every challenge carries the same nonce, so each registration of one
 * test needs its own nonce count `nc` (the verifier refuses a replayed one).
 */
export async function registerAgent(client: SipTestClient, username: string, nc = 1): Promise<void> {
  const base = {
    from: `<sip:${username}@demo>;tag=r1`,
    to: `<sip:${username}@demo>`,
    callId: `reg-${username}`,
    extra: [`Contact: <sip:${username}x@client.invalid;transport=ws>`, 'Expires: 600'],
  };
  client.sendRaw(sipRequest('REGISTER', 'sip:demo', { ...base, cseq: 1 }));
  const challenge = await client.next((m) => m.kind === 'response' && m.core.callId === base.callId);
  const authorization = digestAuthorization(header(challenge, 'WWW-Authenticate') ?? '', {
    username,
    password: 'seat-demo',
    method: 'REGISTER',
    uri: 'sip:demo',
    nc,
  });
  client.sendRaw(
    sipRequest('REGISTER', 'sip:demo', {
      ...base,
      cseq: 2,
      extra: [...base.extra, `Authorization: ${authorization}`],
    }),
  );
  const ok = await client.next((m) => m.kind === 'response' && m.core.callId === base.callId);
  expect(ok).toMatchObject({ status: 200 });
}

/** The From/To/Call-ID a UAC uses in its own dialog after receiving `final` (a 2xx to its INVITE). */
export function uacDialog(final: ParsedMessage) {
  return { from: header(final, 'From') ?? '', to: header(final, 'To') ?? '', callId: final.core.callId };
}

/** The From/To/Call-ID a UAS uses in requests of the dialog the `invite` it answered with `tag` made. */
export function uasDialog(invite: ParsedMessage, tag: string, username: string) {
  return {
    from: `<sip:${username}@demo>;tag=${tag}`,
    to: header(invite, 'From') ?? '',
    callId: invite.core.callId,
  };
}

/** Sends an INVITE from `client` as `fromUser` to `user@demo`. */
export function invite(
  client: SipTestClient,
  callId: string,
  fromUser: string,
  user: string,
  tag = `${callId}-t`,
): void {
  client.sendRaw(
    sipRequest('INVITE', `sip:${user}@demo`, {
      from: `<sip:${fromUser}@demo>;tag=${tag}`,
      to: `<sip:${user}@demo>`,
      callId,
      cseq: 1,
      branch: `z9hG4bK${callId}`,
      extra: [`Contact: <sip:${fromUser}x@client.invalid;transport=ws>`],
      body: sdpOffer,
    }),
  );
}

/** Answers a received INVITE with 200 and an SDP answer (or none, for an offerless re-INVITE's offer). */
export function answer(client: SipTestClient, request: ParsedMessage, tag: string, body = sdpAnswer): void {
  client.sendRaw(
    sipResponse(request, 200, 'OK', {
      toTag: tag,
      extra: ['Contact: <sip:peer@client.invalid;transport=ws>'],
      body,
    }),
  );
}

/** Waits for the final response of `method` on `callId` at `client`. */
export const finalOf = (client: SipTestClient, callId: string, method = 'INVITE', seq?: number) =>
  client.next(
    (m) =>
      m.kind === 'response' &&
      m.core.callId === callId &&
      m.core.cseq.method === method &&
      (seq === undefined || m.core.cseq.seq === seq) &&
      m.status >= 200,
  );

/** Waits for a request of `method` at `client`. */
export const requestOf = (client: SipTestClient, method: string) =>
  client.next((m) => m.kind === 'request' && m.method === method);
