import { createRequire } from 'node:module';

// JsSIP's PEG grammar (lib/Grammar.js) is the best-kept SIP grammar on npm: it is generated from the
// RFC 3261 ABNF, tested by JsSIP's users every day, and has no browser dependency, so the server
// uses the very grammar the seat's softphone uses. We load it through require because it is
// CommonJS with `module.exports = (function () {…})()`, which ESM named imports cannot see.
// Its actions assume well-formed input and can throw (e.g. `Contact: *` reads an undefined list),
// so every call is wrapped: a throw and a -1 both mean "does not parse".

const require = createRequire(import.meta.url);
const grammar = require('jssip/lib/Grammar.js') as { parse(input: string, rule: string): unknown };

/** A URI as the JsSIP grammar builds it (JsSIP's URI class; only what we read is typed). */
export interface GrammarUri {
  scheme: string;
  user: string | undefined;
  host: string;
  port: number | undefined;
  _parameters: Record<string, string | null>;
  _headers: Record<string, string[]>;
  toString(): string;
}

/** A name-addr header value (From, To, Contact, Route, Refer-To) as the grammar builds it. */
export interface GrammarNameAddr {
  uri: GrammarUri;
  display_name: string | undefined;
  _parameters: Record<string, string | null>;
}

/** Rules of the JsSIP grammar we use, with the shape each returns. */
export interface GrammarRules {
  Request_URI: { uri?: GrammarUri; scheme?: string };
  SIP_URI: GrammarUri;
  From: GrammarNameAddr;
  To: GrammarNameAddr;
  Refer_To: GrammarNameAddr;
  Contact: Array<{ parsed: GrammarNameAddr }>;
  Record_Route: Array<{ parsed: GrammarNameAddr }>;
  Route: unknown;
  Via: {
    protocol: string;
    transport: string;
    host: string;
    port?: number;
    branch?: string;
    received?: string;
    rport?: number | null;
  };
  CSeq: { value: number; method: string };
  Call_ID: string;
  Max_Forwards: number;
  Content_Length: number;
  Content_Type: string;
  Expires: number;
  Event: { event: string; params: Record<string, string | null> };
}

/** Parses `input` with one grammar rule; null when it does not parse (or the grammar throws). */
export function parseRule<R extends keyof GrammarRules>(input: string, rule: R): GrammarRules[R] | null {
  try {
    const result = grammar.parse(input, rule);
    return result === -1 || result === undefined || result === null ? null : (result as GrammarRules[R]);
  } catch {
    // Not an empty catch in spirit: a throwing grammar action is a parse failure by definition.
    return null;
  }
}
