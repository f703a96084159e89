import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSipMessage, type ParsedMessage } from './parse';
import { buildResponse, serializeSipMessage } from './serialize';
import { header, headerList } from './sipMessage';
import {
  applicationTortures,
  invalidTortures,
  mpart01,
  unknownSchemeRequest,
  validTortures,
} from './tortureFixtures';

const parsed = (text: string | Buffer): ParsedMessage => {
  const result = parseSipMessage(text);
  if (!result.ok) throw new Error(`expected a valid message, got ${result.status} ${result.reason}`);
  return result.message;
};

describe('RFC 4475 valid torture messages', () => {
  it('parses wsinv with its folding, compact forms, odd case and leading zeros', () => {
    const m = parsed(validTortures.wsinv);
    expect(m.kind === 'request' && m.method).toBe('INVITE');
    expect(m.requestUri).toMatchObject({
      user: 'vivekg',
      host: 'chair-dnrc.example.com',
      params: { unknownparam: null },
    });
    expect(m.core.to.tag).toBe('1918181833n');
    expect(m.core.from.tag).toBe('98asjd8');
    expect(m.core.maxForwards).toBe(68);
    expect(m.core.cseq).toEqual({ seq: 9, method: 'INVITE' });
    expect(m.core.via.map((v) => [v.transport, v.host, v.branch])).toEqual([
      ['UDP', '192.0.2.2', '390skdjuw'],
      ['TCP', 'spindle.example.com', 'z9hG4bK9ikj8'],
      ['UDP', '192.168.255.111', 'z9hG4bK30239'],
    ]);
    expect(header(m, 'Subject')).toBe('');
    expect(header(m, 'NewFangledHeader')).toBe('newfangled value continued newfangled value');
    expect(header(m, 'UnknownHeaderWithUnusualValue')).toBe(';;,,;;,;');
    expect(m.core.contact).toHaveLength(1);
    expect(m.core.contact !== '*' && m.core.contact[0]?.params).toMatchObject({
      newparam: 'newvalue',
      secondparam: null,
      q: '0.33',
    });
    expect(m.body.startsWith('v=0\r\n')).toBe(true);
  });

  it('parses intmeth: an unknown method of token characters and a UTF-8 header value', () => {
    const m = parsed(validTortures.intmeth);
    expect(m.kind === 'request' && m.method).toBe("!interesting-Method0123456789_*+`.%indeed'~");
    expect(m.core.maxForwards).toBe(255);
    expect(m.core.callId).toBe('intmeth.word%ZK-!.*_+\'@word`~)(><:\\/"][?}{');
    expect(m.core.from.tag).toBe("_token~1'+`*%!-.");
    expect(header(m, "extensionHeader-!.%*+_`'~")).toBe('\ufeff\u5927\u505c\u96fb');
  });

  it('parses esc01 and lwsdisp, escapes and a display name glued to its <', () => {
    expect(parsed(validTortures.esc01).requestUri?.host).toBe('example.net');
    expect(parsed(validTortures.lwsdisp).core.from).toMatchObject({
      displayName: 'caller',
      tag: '323',
      uri: { user: 'caller' },
    });
  });

  it('parses the scaled longreq with thirty Via values and long names', () => {
    const m = parsed(validTortures.longreq);
    expect(m.core.via).toHaveLength(30);
    expect(m.core.to.uri.port).toBe(6000);
    expect(m.core.from.tag).toHaveLength(320);
  });

  it('parses semiuri, unreason and noreason', () => {
    expect(parsed(validTortures.semiuri).requestUri?.host).toBe('example.com');
    expect(headerList(parsed(validTortures.semiuri), 'Accept')).toHaveLength(6);
    const unreason = parsed(validTortures.unreason);
    expect(unreason.kind === 'response' && unreason.status).toBe(200);
    expect(unreason.kind === 'response' && unreason.reason).toContain('2**3');
    const noreason = parsed(validTortures.noreason);
    expect(noreason.kind === 'response' && [noreason.status, noreason.reason]).toEqual([100, '']);
  });

  it('drops the octets after Content-Length (dblreq) instead of reading a second message', () => {
    const m = parsed(validTortures.dblreq);
    expect(m.kind === 'request' && m.method).toBe('REGISTER');
    expect(m.body).toBe('');
  });

  it('parses escnull without cutting the AOR at the escaped null, and keeps its two Contacts apart', () => {
    const m = parsed(validTortures.escnull);
    expect(m.kind === 'request' && m.method).toBe('REGISTER');
    expect(m.core.to.uri.user).toBe('null-\u0000-null');
    expect(m.core.from.tag).toBe('839923423');
    const contacts = m.core.contact === '*' ? [] : m.core.contact.map((c) => c.uri.user);
    expect(contacts).toEqual(['\u0000', '\u0000\u0000']);
  });

  it('parses esc02, where % escapes nothing: an unknown method and an unknown header name', () => {
    const m = parsed(validTortures.esc02);
    expect(m.kind === 'request' && m.method).toBe('RE%47IST%45R');
    expect(m.core.cseq).toEqual({ seq: 29344, method: 'RE%47IST%45R' });
    expect(m.core.to.displayName).toBe('%Z%45');
    expect(m.core.via[0]?.branch).toBe('z9hG4bK209%fzsnel234');
    expect(m.core.contact !== '*' && m.core.contact.map((c) => c.uri.host)).toEqual([
      'host1.example.com',
      'host3.example.com',
    ]);
    expect(header(m, 'C%6Fntact')).toBe('<sip:alias2@host2.example.com>');
  });

  it('parses transports, with Via values of five transports, one of them unknown', () => {
    const m = parsed(validTortures.transports);
    expect(m.core.via.map((v) => v.transport)).toEqual(['UDP', 'SCTP', 'TLS', 'UNKNOWN', 'TCP']);
    expect(m.core.callId).toBe('transports.kijh4akdnaqjkwendsasfdj');
  });

  it('frames mpart01 by Content-Length although its binary part holds NULs and CRLFs', () => {
    expect(mpart01.length).toBeGreaterThan(553);
    const m = parsed(mpart01);
    expect(m.kind === 'request' && m.method).toBe('MESSAGE');
    expect(Buffer.byteLength(m.body, 'latin1')).toBeGreaterThan(0);
    expect(header(m, 'Content-Type')).toBe('multipart/mixed;boundary=7a9cbec02ceef655');
    expect(m.body.startsWith('--7a9cbec02ceef655\r\nContent-Type: text/plain')).toBe(true);
    expect(m.body.endsWith('--7a9cbec02ceef655--\r\n')).toBe(true);
    // The octets after the 553 declared are not part of the message.
    const cut = parseSipMessage(Buffer.concat([mpart01, Buffer.from('trailing')]));
    expect(cut.ok && cut.message.body.endsWith('--7a9cbec02ceef655--\r\n')).toBe(true);
  });

  it('parses every application-layer torture message but unksm2, whose From is not a SIP URI', () => {
    for (const [name, text] of Object.entries(applicationTortures)) {
      const result = parseSipMessage(text);
      expect({ name, ok: result.ok }).toEqual({ name, ok: name !== 'unksm2' });
    }
    expect(parsed(applicationTortures.inv2543).core.via[0]?.branch).toBeNull();
    expect(parsed(applicationTortures.inv2543).core.from.tag).toBeNull();
    expect(parsed(applicationTortures.cparam01).core.contact).toMatchObject([
      { uri: { params: {} }, params: { unknownparam: null } },
    ]);
    expect(parsed(applicationTortures.cparam02).core.contact).toMatchObject([
      { uri: { params: { unknownparam: null } }, params: {} },
    ]);
  });

  it('reads the request-URI scheme of unkscm without refusing the message (the edge answers 416)', () => {
    expect(parsed(unknownSchemeRequest)).toMatchObject({
      requestScheme: 'nobodyknowsthisscheme',
      requestUri: null,
    });
  });
});

describe('RFC 4475 invalid torture messages', () => {
  for (const [name, fixture] of Object.entries(invalidTortures)) {
    it(`refuses ${name}${fixture.status ? ` with ${fixture.status}` : ' without an answer'}`, () => {
      const result = parseSipMessage(fixture.text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (fixture.status === null) {
        expect(result.answerable).toBeNull();
      } else {
        expect(result.status).toBe(fixture.status);
      }
    });
  }

  it('keeps what a 400 must echo when the core headers of a bad request survive', () => {
    const result = parseSipMessage(invalidTortures['badaspec']?.text ?? '');
    expect(result.ok).toBe(false);
    if (result.ok || !result.answerable) throw new Error('expected an answerable failure');
    const response = serializeSipMessage(
      buildResponse(result.answerable, 400, { reason: result.reason, toTag: 'edge1' }),
    );
    expect(response).toContain('SIP/2.0 400 ');
    expect(response).toContain('Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3');
    expect(response).toContain('CSeq: 3923239 OPTIONS');
  });
});

describe('parser robustness', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = parseSipMessage(Buffer.from(bytes));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when a valid message is cut, spliced or has characters replaced', () => {
    const base = validTortures.wsinv;
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 8 }), (at, to, insert) => {
        const [start, end] = at <= to ? [at, to] : [to, at];
        const result = parseSipMessage(base.slice(0, start) + insert + base.slice(end));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('counts Content-Length in octets, so a UTF-8 body is read whole', () => {
    const body = 'h\u00e9llo \u4e16\u754c';
    const text = [
      'MESSAGE sip:a@b SIP/2.0',
      'Via: SIP/2.0/WSS x.invalid;branch=z9hG4bK1',
      'From: <sip:c@d>;tag=1',
      'To: <sip:a@b>',
      'Call-ID: utf8',
      'CSeq: 1 MESSAGE',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
    expect(parsed(text).body).toBe(body);
  });
});

describe('serialisation', () => {
  it('writes what it parses back to an equivalent message, with Content-Length in octets', () => {
    const m = parsed(validTortures.wsinv);
    const again = parsed(serializeSipMessage(m));
    expect(again.core).toEqual(m.core);
    expect(again.body).toBe(m.body);
  });

  it('flattens line breaks in values so text from a caller cannot forge headers', () => {
    const text = serializeSipMessage({
      kind: 'response',
      status: 182,
      reason: 'Queued\r\nX-Evil: 1',
      headers: [{ name: 'X-Note', value: 'a\r\nVia: forged' }],
      body: '',
    });
    expect(text.split('\r\n').filter((l) => l.startsWith('Via') || l.startsWith('X-Evil'))).toEqual([]);
  });

  it('adds a To tag to responses other than 100 and keeps an existing one', () => {
    const request = parsed(validTortures.lwsdisp);
    expect(header(buildResponse(request, 100, { toTag: 'x' }), 'To')).toBe('sip:user@example.com');
    expect(header(buildResponse(request, 200, { toTag: 'x' }), 'To')).toBe('sip:user@example.com;tag=x');
    const tagged = parsed(validTortures.noreason);
    expect(header(buildResponse(tagged, 200, { toTag: 'x' }), 'To')).toBe(
      '<sip:user@example.edu>;tag=902jndnke3',
    );
  });
});
