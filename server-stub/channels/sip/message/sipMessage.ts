// The in-memory shape of one SIP message: start line, headers in their original order (names in
// canonical long form so lookups are simple), and the body. Parsing lives in parse.ts and
// writing in serialize.ts; both work on this shape only.

/** One header line; `name` is the canonical long form (compact forms are expanded on parse). */
export interface SipHeader {
  name: string;
  value: string;
}

/** A SIP URI reduced to what the edge routes on. */
export interface SipUri {
  scheme: string;
  user: string | null;
  host: string;
  port: number | null;
  params: Record<string, string | null>;
  /** Headers of the URI (`?Route=%3C…%3E`), still escaped; present only when it has some. */
  headers?: Record<string, string[]>;
}

/** A request: method, Request-URI (raw text and parsed), headers, body. */
export interface SipRequest {
  kind: 'request';
  method: string;
  uri: string;
  headers: SipHeader[];
  body: string;
}

/** A response: status code, reason phrase, headers, body. */
export interface SipResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: SipHeader[];
  body: string;
}

/** Either kind of SIP message. */
export type SipMessage = SipRequest | SipResponse;

const compactForms: Record<string, string> = {
  i: 'Call-ID',
  m: 'Contact',
  e: 'Content-Encoding',
  l: 'Content-Length',
  c: 'Content-Type',
  f: 'From',
  s: 'Subject',
  k: 'Supported',
  t: 'To',
  v: 'Via',
  o: 'Event',
  r: 'Refer-To',
  b: 'Referred-By',
  u: 'Allow-Events',
  x: 'Session-Expires',
};

const canonicalNames = new Map<string, string>(
  [
    'Via',
    'From',
    'To',
    'Call-ID',
    'CSeq',
    'Contact',
    'Max-Forwards',
    'Content-Length',
    'Content-Type',
    'Content-Encoding',
    'Expires',
    'Min-Expires',
    'Route',
    'Record-Route',
    'Authorization',
    'WWW-Authenticate',
    'Proxy-Authorization',
    'Proxy-Authenticate',
    'Allow',
    'Supported',
    'Require',
    'Proxy-Require',
    'Unsupported',
    'User-Agent',
    'Server',
    'Subject',
    'Date',
    'Event',
    'Refer-To',
    'Referred-By',
    'Subscription-State',
    'Allow-Events',
    'Session-Expires',
    'Reason',
    'Replaces',
  ].map((name) => [name.toLowerCase(), name]),
);

/** The canonical spelling of a header name (long form, usual case); unknown names keep theirs. */
export function canonicalHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return compactForms[lower] ?? canonicalNames.get(lower) ?? name;
}

/** Every value of a header, in order (header lines are not split at commas here). */
export function headerValues(message: { headers: readonly SipHeader[] }, name: string): string[] {
  const wanted = canonicalHeaderName(name).toLowerCase();
  return message.headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
}

/** The first value of a header, or null. */
export function header(message: { headers: readonly SipHeader[] }, name: string): string | null {
  return headerValues(message, name)[0] ?? null;
}

/**
 * Splits a header value at the commas that separate list elements, leaving commas inside quoted
 * strings and angle brackets alone (`"Bell, A" <sip:a@b>, <sip:c@d>` gives two elements).
 */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < value.length) current += value[++i] as string;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '<') angle = true;
    else if (ch === '>') angle = false;
    else if (ch === ',' && !angle) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** Every element of a list header across all its lines (Via, Route, Record-Route, Contact…). */
export function headerList(message: { headers: readonly SipHeader[] }, name: string): string[] {
  return headerValues(message, name).flatMap(splitHeaderList);
}
