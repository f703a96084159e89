import { parseRule, type GrammarNameAddr, type GrammarUri } from './grammar';
import {
  canonicalHeaderName,
  headerList,
  headerValues,
  splitHeaderList,
  type SipHeader,
  type SipMessage,
  type SipUri,
} from './sipMessage';

// Turns one WebSocket frame into a SIP message, or into the reason it is not one. The framing
// (start line, folded header lines, Content-Length in octets) is done here; the grammar of URIs
// and structured header values is JsSIP's (grammar.ts). Nothing in here throws on any input: a
// malformed message comes back as { ok: false } with the status to answer (400, 505) and, when
// the headers needed to address a response survived, the raw request to answer.

/** A name-addr value (From, To, Contact, Refer-To) reduced to what the edge uses. */
export interface NameAddr {
  uri: SipUri;
  displayName: string | null;
  tag: string | null;
  params: Record<string, string | null>;
}

/** The top-level facts of a Via value. */
export interface ViaValue {
  transport: string;
  host: string;
  port: number | null;
  branch: string | null;
  raw: string;
}

/** The headers every transaction needs, parsed and checked. */
export interface CoreHeaders {
  via: ViaValue[];
  from: NameAddr;
  to: NameAddr;
  callId: string;
  cseq: { seq: number; method: string };
  maxForwards: number | null;
  /** Contact values; '*' only for a REGISTER that removes every binding. */
  contact: NameAddr[] | '*';
  expires: number | null;
}

/** A message that parsed, with its core headers and (for requests) its Request-URI. */
export type ParsedMessage = SipMessage & {
  core: CoreHeaders;
  /** The Request-URI for a sip/sips request; null for another scheme or a response. */
  requestUri: SipUri | null;
  /** The Request-URI scheme (lower case) for requests; null for responses. */
  requestScheme: string | null;
};

/** What went wrong, and enough of the request to answer it when that is possible. */
export interface ParseFailure {
  ok: false;
  status: 400 | 505;
  reason: string;
  /** Present when the frame is a request whose Via/From/To/Call-ID/CSeq can be echoed in a response. */
  answerable: { method: string; headers: SipHeader[] } | null;
}

export type ParseResult = { ok: true; message: ParsedMessage } | ParseFailure;

/** Largest value of 32-bit scalar fields (CSeq number, Expires) per RFC 3261. */
const maxUint32 = 2 ** 32 - 1;
const tokenChars = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const singleValued = [
  'From',
  'To',
  'Call-ID',
  'CSeq',
  'Max-Forwards',
  'Content-Length',
  'Content-Type',
  'Expires',
];
const required = ['Via', 'From', 'To', 'Call-ID', 'CSeq'];
const crlfcrlf = Buffer.from('\r\n\r\n');

/** Reduces a grammar URI to our plain shape. */
export function toSipUri(uri: GrammarUri): SipUri {
  return {
    scheme: String(uri.scheme).toLowerCase(),
    user: uri.user ?? null,
    host: String(uri.host).toLowerCase(),
    port: typeof uri.port === 'number' ? uri.port : null,
    params: { ...uri._parameters },
    ...(Object.keys(uri._headers ?? {}).length > 0 ? { headers: { ...uri._headers } } : {}),
  };
}

function toNameAddr(value: GrammarNameAddr): NameAddr {
  const params = { ...value._parameters };
  return {
    uri: toSipUri(value.uri),
    displayName: value.display_name ?? null,
    tag: params['tag'] ?? null,
    params,
  };
}

/** Parses a SIP URI (e.g. a Refer-To target or a binding's contact); null when malformed. */
export function parseSipUri(text: string): SipUri | null {
  const uri = parseRule(text, 'SIP_URI');
  return uri ? toSipUri(uri) : null;
}

/** Parses a name-addr header value such as Refer-To; null when malformed. */
export function parseNameAddr(text: string, rule: 'From' | 'To' | 'Refer_To' = 'To'): NameAddr | null {
  const value = parseRule(text, rule);
  return value ? toNameAddr(value) : null;
}

/** Trims SIP white space (SP, HT) only: String.trim would also eat a UTF-8 BOM that is part of a value. */
const trimLws = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '');

type Fail = (reason: string, status?: 400 | 505) => ParseFailure;

/** Parses one frame (text or bytes) as one SIP message. Never throws. */
export function parseSipMessage(frame: string | Buffer): ParseResult {
  const bytes = typeof frame === 'string' ? Buffer.from(frame, 'utf8') : frame;
  const end = bytes.indexOf(crlfcrlf);
  const headText = (end === -1 ? bytes : bytes.subarray(0, end)).toString('utf8');
  const lines = headText.split('\r\n');
  const startLine = lines[0] ?? '';
  const isRequest = !startLine.startsWith('SIP/');
  const requestMatch = isRequest ? /^([^ ]+) ([^ ]+) ([^ ]+)$/.exec(startLine) : null;

  const headers: SipHeader[] = [];
  let headerError: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      // A folded continuation: joins the previous header value with a single space (RFC 3261 7.3.1).
      const last = headers[headers.length - 1];
      if (!last) headerError ??= 'a header line starts with white space';
      else last.value = trimLws(`${last.value} ${trimLws(line)}`);
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (colon === -1 || !tokenChars.test(name)) {
      headerError ??= `malformed header line "${line.slice(0, 40)}"`;
      continue;
    }
    headers.push({ name: canonicalHeaderName(name), value: trimLws(line.slice(colon + 1)) });
  }

  const answerable =
    isRequest && requestMatch && required.every((n) => headerValues({ headers }, n).length > 0)
      ? {
          method: requestMatch[1] as string,
          headers: headers.filter((h) => ['Via', 'From', 'To', 'Call-ID', 'CSeq'].includes(h.name)),
        }
      : null;
  const fail: Fail = (reason, status = 400) => ({ ok: false, status, reason, answerable });

  if (end === -1) return fail('the message has no empty line after its headers');
  if (headerError) return fail(headerError);

  let method = '';
  let uri = '';
  let status = 0;
  let reason = '';
  let requestUri: SipUri | null = null;
  let requestScheme: string | null = null;
  if (isRequest) {
    if (!requestMatch)
      return fail('the request line must be "METHOD SP Request-URI SP SIP/2.0" with single spaces');
    [, method, uri] = requestMatch as unknown as [string, string, string];
    const version = requestMatch[3] as string;
    if (!tokenChars.test(method)) return fail('the method is not a token');
    if (!/^SIP\/\d+\.\d+$/i.test(version)) return fail('the SIP version is malformed');
    if (version.toUpperCase() !== 'SIP/2.0') return fail(`${version} is not supported`, 505);
    const parsedUri = parseRule(uri, 'Request_URI');
    if (!parsedUri) return fail('the Request-URI is malformed');
    if (parsedUri.uri) {
      if (Object.keys(parsedUri.uri._headers).length > 0)
        return fail('the Request-URI must not carry headers');
      requestUri = toSipUri(parsedUri.uri);
      requestScheme = requestUri.scheme;
    } else {
      requestScheme = String(parsedUri.scheme ?? '').toLowerCase();
    }
  } else {
    const match = /^SIP\/2\.0 ([1-6]\d\d) ([^\r\n]*)$/.exec(startLine);
    if (!match) return fail('the status line is malformed');
    status = Number(match[1]);
    reason = match[2] as string;
  }

  for (const name of required)
    if (headerValues({ headers }, name).length === 0) return fail(`the ${name} header is missing`);
  for (const name of singleValued) {
    const values = headerValues({ headers }, name);
    if (
      values.length > 1 ||
      (values[0] !== undefined && name !== 'Content-Type' && splitHeaderList(values[0]).length > 1)
    )
      return fail(`the ${name} header must appear once with one value`);
  }

  const via: ViaValue[] = [];
  for (const raw of headerList({ headers }, 'Via')) {
    const parsed = parseRule(raw, 'Via');
    if (!parsed) return fail('a Via value is malformed');
    via.push({
      transport: parsed.transport,
      host: parsed.host,
      port: parsed.port ?? null,
      branch: parsed.branch ?? null,
      raw,
    });
  }
  const from = parseRule(headerValues({ headers }, 'From')[0] as string, 'From');
  if (!from) return fail('the From header is malformed');
  const to = parseRule(headerValues({ headers }, 'To')[0] as string, 'To');
  if (!to) return fail('the To header is malformed');
  const callIdText = headerValues({ headers }, 'Call-ID')[0] as string;
  if (!parseRule(callIdText, 'Call_ID')) return fail('the Call-ID header is malformed');

  const cseqText = headerValues({ headers }, 'CSeq')[0] as string;
  const cseqMatch = /^(\d{1,10})\s+([^\s]+)$/.exec(cseqText);
  if (!cseqMatch || Number(cseqMatch[1]) > 2 ** 31 - 1 || !tokenChars.test(cseqMatch[2] as string))
    return fail('the CSeq header is malformed or too large');
  const cseq = { seq: Number(cseqMatch[1]), method: cseqMatch[2] as string };
  if (isRequest && cseq.method !== method) return fail('the CSeq method does not match the request method');

  let maxForwards: number | null = null;
  const maxForwardsText = headerValues({ headers }, 'Max-Forwards')[0];
  if (maxForwardsText !== undefined) {
    if (!/^\d{1,10}$/.test(maxForwardsText) || Number(maxForwardsText) > 255)
      return fail('Max-Forwards must be 0 to 255');
    maxForwards = Number(maxForwardsText);
  }

  let expires: number | null = null;
  const expiresText = headerValues({ headers }, 'Expires')[0];
  if (expiresText !== undefined) {
    if (!/^\d{1,10}$/.test(expiresText) || Number(expiresText) > maxUint32)
      return fail('Expires must be delta-seconds');
    expires = Number(expiresText);
  }

  let contact: NameAddr[] | '*' = [];
  const contactValues = headerValues({ headers }, 'Contact');
  if (contactValues.length === 1 && contactValues[0] === '*') {
    if (!isRequest || method !== 'REGISTER') return fail('Contact: * is only for REGISTER');
    contact = '*';
  } else {
    for (const raw of contactValues) {
      const parsed = parseRule(raw, 'Contact');
      if (!parsed) return fail('a Contact value is malformed');
      for (const value of parsed) {
        const addr = toNameAddr(value.parsed);
        const expiresParam = addr.params['expires'];
        if (
          expiresParam !== undefined &&
          (expiresParam === null || !/^\d{1,10}$/.test(expiresParam) || Number(expiresParam) > maxUint32)
        )
          return fail('a Contact expires parameter is not delta-seconds');
        contact.push(addr);
      }
    }
  }

  for (const raw of [...headerValues({ headers }, 'Record-Route'), ...headerValues({ headers }, 'Route')]) {
    if (!parseRule(raw, 'Record_Route')) return fail('a Route or Record-Route value is malformed');
  }
  const dateText = headerValues({ headers }, 'Date')[0];
  // RFC 3261 25.1: SIP-date is RFC 1123 and always GMT.
  if (
    dateText !== undefined &&
    !/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(dateText)
  )
    return fail('the Date header is not an RFC 1123 GMT date');
  const contentType = headerValues({ headers }, 'Content-Type')[0];
  if (contentType !== undefined && !parseRule(contentType, 'Content_Type'))
    return fail('the Content-Type header is malformed');

  const bodyBytes = bytes.subarray(end + 4);
  let body = bodyBytes;
  const lengthText = headerValues({ headers }, 'Content-Length')[0];
  if (lengthText !== undefined) {
    if (!/^\d{1,10}$/.test(lengthText)) return fail('Content-Length must be a non-negative number');
    const length = Number(lengthText);
    if (length > bodyBytes.length) return fail('Content-Length is larger than the body');
    // Octets after the declared length are not part of the message (RFC 3261 18.3).
    body = bodyBytes.subarray(0, length);
  }

  const core: CoreHeaders = {
    via,
    from: toNameAddr(from),
    to: toNameAddr(to),
    callId: callIdText,
    cseq,
    maxForwards,
    contact,
    expires,
  };
  const bodyText = body.toString('utf8');
  const message: ParsedMessage = isRequest
    ? { kind: 'request', method, uri, headers, body: bodyText, core, requestUri, requestScheme }
    : {
        kind: 'response',
        status,
        reason,
        headers,
        body: bodyText,
        core,
        requestUri: null,
        requestScheme: null,
      };
  return { ok: true, message };
}
