import { describe, expect, it } from 'vitest';
import { generatedMessageId, messageIdsIn, parseEmail } from './parseEmail';

const crlf = (lines: Array<string | Buffer>) =>
  Buffer.concat(
    lines.map((l) =>
      Buffer.concat([typeof l === 'string' ? Buffer.from(l, 'latin1') : l, Buffer.from('\r\n')]),
    ),
  );

describe('parsing e-mail', () => {
  it('decodes a GB2312 sender name, subject and 8-bit body into Chinese text', async () => {
    const raw = crlf([
      'From: =?GB2312?B?zfW3vA==?= <fang.wang@example.cn>',
      'To: support@demo.seat.test',
      'Subject: =?GB2312?B?xOO6w6OsysC95w==?=',
      'Message-ID: <gb2312@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=GB2312',
      'Content-Transfer-Encoding: 8bit',
      '',
      Buffer.from('c4e3bac3a3accac0bde7', 'hex'),
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.subject).toBe('你好，世界');
    expect(parsed.text.trim()).toBe('你好，世界');
    expect(parsed.from).toEqual({ address: 'fang.wang@example.cn', name: '王芳' });
    expect(parsed.parseProblem).toBeNull();
  });

  it('decodes a GBK subject and base64 GBK body', async () => {
    const raw = crlf([
      'From: li@example.cn',
      'To: support@demo.seat.test',
      'Subject: =?GBK?B?zcu/7snqx+s=?=',
      'Message-ID: <gbk@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="gbk"',
      'Content-Transfer-Encoding: base64',
      '',
      'v+20+LnK1c+jrMfrvqG/7LSmwO0=',
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.subject).toBe('退款申请');
    expect(parsed.text.trim()).toBe('宽带故障，请尽快处理');
  });

  it('decodes UTF-8 Chinese in an encoded-word subject and a base64 body', async () => {
    const raw = crlf([
      'From: zhang@example.cn',
      'To: support@demo.seat.test',
      'Subject: =?UTF-8?B?5a695bim5pat57q/?=',
      'Message-ID: <utf8@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      '5oKo5aW977yM5oiR55qE5a695bim5pat5LqG44CC',
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.subject).toBe('宽带断线');
    expect(parsed.text.trim()).toBe('您好，我的宽带断了。');
  });

  it('keeps going on malformed MIME: a boundary that never closes still yields the text and no crash', async () => {
    const raw = crlf([
      'From: x@example.com',
      'Subject: broken',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="abc"',
      '',
      '--abc',
      'Content-Type: text/plain',
      '',
      'visible part',
      '--abc',
      'Content-Type: application/octet-stream; name="x.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      '!!!not base64!!!',
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.text).toContain('visible part');
    expect(parsed.messageIdGenerated).toBe(true);
  });

  it('gives bytes that are not mail at all a stable generated id and no sender', async () => {
    const parsed = await parseEmail(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a, 0x0d]));
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{40}@generated\.seat\.invalid>$/);
    expect(parsed.from).toBeNull();
  });

  it('stores script-bearing HTML as received (sanitising is for display), with the text alternative', async () => {
    const raw = crlf([
      'From: x@example.com',
      'Subject: html',
      'Message-ID: <html@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onclick="steal()">Hi<script>alert(1)</script></p>',
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.html).toContain('<script>');
    expect(parsed.text).toContain('Hi');
  });

  it('gives a message without Message-ID a stable id from its content hash', async () => {
    const raw = crlf(['From: x@example.com', 'Subject: no id', '', 'body']);
    const [a, b] = [await parseEmail(raw), await parseEmail(Buffer.from(raw))];
    expect(a.messageIdGenerated).toBe(true);
    expect(a.messageId).toBe(b.messageId);
    expect(a.messageId).toBe(generatedMessageId(raw));
    expect(
      (await parseEmail(crlf(['From: x@example.com', 'Subject: no id', '', 'other body']))).messageId,
    ).not.toBe(a.messageId);
  });

  it('reads In-Reply-To and References, with and without angle brackets, and marks automated mail', async () => {
    const raw = crlf([
      'From: x@example.com',
      'Message-ID: <r@x>',
      'In-Reply-To: <p@x>',
      'References: <a@x>\r\n <b@x> <p@x>',
      'Auto-Submitted: auto-replied',
      'Subject: Re: hi',
      '',
      'b',
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed).toMatchObject({
      inReplyTo: '<p@x>',
      references: ['<a@x>', '<b@x>', '<p@x>'],
      automated: true,
    });
    expect(messageIdsIn('bare@id.example')).toEqual(['<bare@id.example>']);
  });

  it('keeps a message with an unknown charset label, shows undecodable bytes as replacement characters and records the label', async () => {
    const raw = crlf([
      'From: =?x-klingon?B?zfW3vA==?= <k@example.com>',
      'To: support@demo.seat.test',
      'Subject: =?x-klingon?B?zfW3vA==?= order',
      'Message-ID: <unknown-charset@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=x-klingon-9',
      'Content-Transfer-Encoding: 8bit',
      '',
      Buffer.from('caf\xe9 is closed', 'latin1'),
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.messageId).toBe('<unknown-charset@example.com>');
    expect(parsed.from?.address).toBe('k@example.com');
    expect(parsed.subject).toMatch(/^\uFFFD+ order$/);
    expect(parsed.text.trim()).toBe('caf\uFFFD is closed');
    expect(parsed.parseProblem).toMatch(/unknown character set "x-klingon-9"/);
    expect(parsed.parseProblem).toContain('\uFFFD');
  });

  it('records bytes that are not valid in the declared charset (GBK bytes labelled UTF-8, a broken GB2312 sequence)', async () => {
    const mislabelled = await parseEmail(
      crlf([
        'From: li@example.cn',
        'Subject: mislabelled',
        'Message-ID: <mislabelled@example.cn>',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        Buffer.from('c4e3bac3a3accac0bde7', 'hex'),
      ]),
    );
    expect(mislabelled.text).toContain('\uFFFD');
    expect(mislabelled.parseProblem).toMatch(/not valid in the declared character set \("utf-8"\)/);

    const truncated = await parseEmail(
      crlf([
        'From: li@example.cn',
        'Subject: truncated',
        'Content-Type: text/html; charset=gb2312',
        'Content-Transfer-Encoding: 8bit',
        '',
        Buffer.concat([Buffer.from('<p>'), Buffer.from('c4e3ff', 'hex'), Buffer.from('</p>')]),
      ]),
    );
    expect(truncated.html).toMatch(/^<p>你\uFFFD/);
    expect(truncated.parseProblem).toMatch(/"gb2312"/);
  });

  it('records nothing for clean text, nor for a replacement character the sender really sent', async () => {
    const clean = await parseEmail(
      crlf([
        'From: x@example.com',
        'Subject: fine',
        'Content-Type: text/plain; charset=utf-8',
        '',
        Buffer.from('café', 'utf8'),
      ]),
    );
    expect(clean.parseProblem).toBeNull();
    const literal = await parseEmail(
      Buffer.from(
        'From: x@example.com\r\nSubject: odd\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nbroken \uFFFD char\r\n',
        'utf8',
      ),
    );
    expect(literal.text.trim()).toBe('broken \uFFFD char');
    expect(literal.parseProblem).toBeNull();
  });
});
