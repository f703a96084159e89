// Messages written after the RFC 4475 torture tests (section 3.1.1 valid, 3.1.2 invalid, and a few
// of 3.4), each keeping the defect or oddity its RFC section is about. Lines are joined with CRLF
// here so the fixture text reads like the RFC. `longreq` is scaled to fit one WebSocket frame.

const crlf = (...lines: string[]) => lines.join('\r\n');
const sdp = crlf(
  'v=0',
  'o=mhandley 29739 7272939 IN IP4 192.0.2.3',
  's=-',
  'c=IN IP4 192.0.2.4',
  't=0 0',
  'm=audio 49217 RTP/AVP 0 12',
  'm=video 3227 RTP/AVP 31',
  'a=rtpmap:31 LPC',
  '',
);
const withBody = (head: string[], body: string, length = Buffer.byteLength(body)) =>
  crlf(...head.map((l) => l.replace('%LEN%', String(length))), '', body);

/** Valid but odd messages (RFC 4475 3.1.1): they must parse, with the values given in `expect`. */
export const validTortures = {
  // 3.1.1.1 wsinv: folding everywhere, LWS around colons, compact and long forms mixed, odd case.
  wsinv: withBody(
    [
      'INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0',
      'TO :',
      ' sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n',
      'from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>',
      '  ;',
      '  tag = 98asjd8',
      'MaX-fOrWaRdS: 0068',
      'Call-ID: wsinv.ndaksdj@192.0.2.1',
      'Content-Length   : %LEN%',
      'cseq: 0009',
      '  INVITE',
      'Via  : SIP  /   2.0',
      ' /UDP',
      '    192.0.2.2;branch=390skdjuw',
      's :',
      'NewFangledHeader:   newfangled value',
      ' continued newfangled value',
      'UnknownHeaderWithUnusualValue: ;;,,;;,;',
      'Content-Type: application/sdp',
      'Route:',
      ' <sip:services.example.com;lr;unknownwith=value;unknown-no-value>',
      'v:  SIP  / 2.0  / TCP     spindle.example.com   ;',
      '  branch  =   z9hG4bK9ikj8  ,',
      ' SIP  /    2.0   / UDP  192.168.255.111   ; branch=',
      ' z9hG4bK30239',
      'm:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =',
      '      newvalue ;',
      '  secondparam ; q = 0.33',
    ],
    sdp,
  ),
  // 3.1.1.2 intmeth: unusual but legal characters in method, URI, branch, display name and Call-ID.
  intmeth: crlf(
    "!interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0",
    "Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~",
    'To: "BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f" <sip:1_unusual.URI~(to-be!sure)&isn\'t+it$/crazy?,/;;*@example.com>',
    "From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%=\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\";tag=_token~1'+`*%!-.",
    'Call-ID: intmeth.word%ZK-!.*_+\'@word`~)(><:\\/"][?}{',
    "CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~",
    'Max-Forwards: 255',
    "extensionHeader-!.%*+_`'~:\ufeff\u5927\u505c\u96fb",
    'Content-Length: 0',
    '',
    '',
  ),
  // 3.1.1.3 esc01: %-escapes in the Request-URI user part and in a From display name's URI.
  esc01: crlf(
    'INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0',
    'To: sip:%75se%72@example.com',
    'From: <sip:I%20have%20spaces@example.net>;tag=938',
    'Max-Forwards: 87',
    'i: esc01.239409asdfakjkn23onasd0-3234',
    'CSeq: 234234 INVITE',
    'Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw',
    'C: application/sdp',
    'Contact:',
    '  <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>',
    'Content-Length: 0',
    '',
    '',
  ),
  // 3.1.1.6 lwsdisp: no LWS between the display name and '<'.
  lwsdisp: crlf(
    'OPTIONS sip:user@example.com SIP/2.0',
    'To: sip:user@example.com',
    'From: caller<sip:caller@example.com>;tag=323',
    'Max-Forwards: 70',
    'Call-ID: lwsdisp.1234abcd@funky.example.com',
    'CSeq: 60 OPTIONS',
    'Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw',
    'l: 0',
    '',
    '',
  ),
  // 3.1.1.7 longreq (scaled): very long header values, many Via values, long display name and tag.
  longreq: crlf(
    'INVITE sip:user@example.com SIP/2.0',
    `To: "I have a user name of ${'extreme'.repeat(40)} proportion"<sip:user@example.com:6000;unknownparam1=very${'long'.repeat(50)}value;longparam${'name'.repeat(20)}=shortvalue>`,
    `From: sip:caller@example.net;tag=${'12982424'.repeat(40)}`,
    'Call-ID: longreq.onereallyreallyreallyreallyreallyreallyreallyreallyreallylongcallid',
    'CSeq: 3882340 INVITE',
    `Unknown-${'Long'.repeat(30)}-Name: unknown-${'long'.repeat(60)}-value; unknown-${'long'.repeat(20)}-parameter-name = unknown-long-parameter-value`,
    ...Array.from({ length: 30 }, (_, i) => `Via: SIP/2.0/TCP sip${i}.example.com;branch=z9hG4bK${i}`),
    'Max-Forwards: 70',
    `Contact: <sip:amazinglylongcallername${'x'.repeat(300)}@host5.example.net>`,
    'Content-Length: 0',
    '',
    '',
  ),
  // 3.1.1.10 semiuri: semicolons in the user part of a URI.
  semiuri: crlf(
    'OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0',
    'To: sip:j_user@example.com',
    'From: sip:caller@example.org;tag=33242',
    'Max-Forwards: 3',
    'Call-ID: semiuri.0ha0isndaksdj',
    'CSeq: 8 OPTIONS',
    'Accept: application/sdp, application/pkcs7-mime,',
    '        multipart/mixed, multipart/signed,',
    '        message/sip, message/sipfrag',
    'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw',
    'l: 0',
    '',
    '',
  ),
  // 3.1.1.12 unreason: a reason phrase full of unusual characters.
  unreason: withBody(
    [
      'SIP/2.0 200 = 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e\u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e\u0441\u0442\u043e\u0435',
      'Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923',
      'Call-ID: unreason.1234ksdfak3j2erwedfsASdf',
      'CSeq: 35 INVITE',
      'From: sip:user@example.com;tag=11141343',
      'To: sip:user@example.edu;tag=2229',
      'Content-Length: %LEN%',
      'Content-Type: application/sdp',
      'Contact: <sip:user@host198.example.com>',
    ],
    sdp,
  ),
  // 3.1.1.13 noreason: an empty reason phrase.
  noreason: crlf(
    'SIP/2.0 100 ',
    'Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe',
    'Call-ID: noreason.asndj203insdf99223ndf',
    'CSeq: 35 INVITE',
    'From: <sip:user@example.com>;tag=39ansfi3',
    'To: <sip:user@example.edu>;tag=902jndnke3',
    'Content-Length: 0',
    'Contact: <sip:user@host105.example.com>',
    '',
    '',
  ),
  // 3.1.1.4-like dblreq: octets after Content-Length belong to no message and are dropped.
  dblreq: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'To: sip:j.user@example.com',
    'From: sip:j.user@example.com;tag=43251j3j324',
    'Max-Forwards: 8',
    'I: dblreq.0ha0isndaksdj99sdfafnl3lk233412',
    'Contact: sip:j.user@host.example.com',
    'CSeq: 8 REGISTER',
    'Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492',
    'Content-Length: 0',
    '',
    'INVITE sip:joe@example.com SIP/2.0',
    't: sip:joe@example.com',
    '',
  ),
  // 3.1.1.4 escnull: %00 in the user part of To, From and two Contacts. The AOR must not be cut
  // short at the null, and the two Contacts are two distinct bindings.
  escnull: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'To: sip:null-%00-null@example.com',
    'From: sip:null-%00-null@example.com;tag=839923423',
    'Max-Forwards: 70',
    'Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd',
    'CSeq: 14398234 REGISTER',
    'Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw',
    'Contact: <sip:%00@host5.example.com>',
    'Contact: <sip:%00%00@host5.example.com>',
    'L:0',
    '',
    '',
  ),
  // 3.1.1.5 esc02: % is not an escape in a method, a quoted display name, a branch or a header
  // name: RE%47IST%45R is an unknown method (not REGISTER) and C%6Fntact an unknown header.
  esc02: crlf(
    'RE%47IST%45R sip:registrar.example.com SIP/2.0',
    'To: "%Z%45" <sip:resource@example.com>',
    'From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23',
    'Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf',
    'Via: SIP/2.0/TCP host.example.com;branch=z9hG4bK209%fzsnel234',
    'CSeq: 29344 RE%47IST%45R',
    'Max-Forwards: 70',
    'Contact: <sip:alias1@host1.example.com>',
    'C%6Fntact: <sip:alias2@host2.example.com>',
    'Contact: <sip:alias3@host3.example.com>',
    'l: 0',
    '',
    '',
  ),
  // 3.1.1.10 transports: Via values over UDP, SCTP, TLS, an unknown transport and TCP; two spaces
  // after the Call-ID colon.
  transports: crlf(
    'OPTIONS sip:user@example.com SIP/2.0',
    'To: sip:user@example.com',
    'From: <sip:caller@example.com>;tag=323',
    'Max-Forwards: 70',
    'Call-ID:  transports.kijh4akdnaqjkwendsasfdj',
    'Accept: application/sdp',
    'CSeq: 60 OPTIONS',
    'Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw',
    'Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf',
    'Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj',
    'Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en',
    'Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee',
    'l: 0',
    '',
    '',
  ),
} as const;

/**
 * 3.1.1.11 mpart01: a MESSAGE with a multipart/mixed body whose second part is a binary S/MIME
 * signature (DER, with NUL octets and bare CR/LF in it). Bytes, not text: the frame must be framed
 * by Content-Length (553 octets) and never by a search for CRLF in the body. It goes as a binary
 * WebSocket frame (RFC 7118 5.1 allows SIP in binary frames).
 */
export const mpart01: Buffer = Buffer.concat([
  Buffer.from(
    crlf(
      'MESSAGE sip:kumiko@example.org SIP/2.0',
      'Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-;rport',
      'Max-Forwards: 70',
      'Route: <sip:127.0.0.1:5080>',
      'Identity: r5mwreLuyDRYBi/0TiPwEsY3rEVsk/G2WxhgTV1PF7hHuLIK0YWVKZhKv9Mj8UeXqkMVbnVq37CD+813gvYjcBUaZngQmXc9WNZSDNGCzA+fWl9MEUHWIZo1CeJebdY/XlgKeTa0Olvq0rt70Q5jiSfbqMJmQFteeivUhkMWYUA=',
      'Contact: <sip:fluffy@127.0.0.1:5070>',
      'To: <sip:kumiko@example.org>',
      'From: <sip:fluffy@example.com>;tag=2fb0dcc9',
      'Call-ID: 3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..',
      'CSeq: 1 MESSAGE',
      'Content-Transfer-Encoding: binary',
      'Content-Type: multipart/mixed;boundary=7a9cbec02ceef655',
      'Date: Sat, 15 Oct 2005 04:44:56 GMT',
      'User-Agent: SIPimp.org/0.2.5 (curses)',
      'Content-Length: 553',
      '',
      '--7a9cbec02ceef655',
      'Content-Type: text/plain',
      'Content-Transfer-Encoding: binary',
      '',
      'Hello',
      '--7a9cbec02ceef655',
      'Content-Type: application/octet-stream',
      'Content-Transfer-Encoding: binary',
      '',
      '',
    ),
  ),
  // The PKCS#7 signedData (342 octets of DER) as the RFC's base64 archive carries it.
  Buffer.from(
    '3082015206092a864886f70d010702a08201433082013f0201013109300706052b0e03021a300b06092a864886f70d01' +
      '0701318201203082011c020101307c3070310b3009060355040613025553311330110603550408130a43616c69666f72' +
      '6e69613111300f0603550407130853616e204a6f7365310e300c060355040a1305736970697431293027060355040b13' +
      '205369706974205465737420436572746966696361746520417574686f7269747902080195007102330113300706052b' +
      '0e03021a300d06092a864886f70d01010105000481808ef466f948f0522dd2e5978e9d95aae9f2fe15a06659716292e8' +
      'da2aa8d8350a68ceffae3cbd2bff1675ddd5648e593dd64728f26220f7e941749e330d9a15edabdb93d10c42102e7b72' +
      '89d29cc0c9ae2efbc7c0cff9172f3b027e4fc027e1546de4b6aa3abb3e66cccb5dd6c64b8383149cb8e6ff182d944fe5' +
      '7b65bc99d005',
    'hex',
  ),
  Buffer.from('\r\n--7a9cbec02ceef655--\r\n'),
]);

const optionsHead = (callId: string) => [
  'To: sip:user@example.com',
  'From: sip:caller@example.net;tag=134161461246',
  'Max-Forwards: 7',
  `Call-ID: ${callId}`,
  'Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw',
];

/** Malformed messages (RFC 4475 3.1.2 and 3.4): each must be refused with `status` and no crash. */
export const invalidTortures: Record<string, { text: string; status: 400 | 505 | null }> = {
  // 3.1.2.1 badinv01: empty list elements and parameters (;;,;,,) in Via and Contact.
  badinv01: {
    status: 400,
    text: crlf(
      'INVITE sip:user@example.com SIP/2.0',
      'To: sip:j.user@example.com',
      'From: sip:caller@example.net;tag=134161461246',
      'Max-Forwards: 7',
      'Call-ID: badinv01.0ha0isndaksdjasdf3234nas',
      'CSeq: 8 INVITE',
      'Via: SIP/2.0/UDP 192.0.2.15;;,;,,',
      'Contact: "Joe" <sip:joe@example.org>;;;;',
      'Content-Length: 0',
      'Content-Type: application/sdp',
      '',
      '',
    ),
  },
  // 3.1.2.2 clerr: Content-Length larger than the body.
  clerr: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com SIP/2.0',
        'Max-Forwards: 80',
        'To: sip:j.user@example.com',
        'From: sip:caller@example.net;tag=93942939o2',
        'Contact: <sip:caller@hungry.example.net>',
        'Call-ID: clerr.0ha0isndaksdjweiafasdk3',
        'CSeq: 8 INVITE',
        'Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bK-39234-23523',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
      9999,
    ),
  },
  // 3.1.2.3 ncl: negative Content-Length.
  ncl: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com SIP/2.0',
        'Max-Forwards: 254',
        'To: sip:j.user@example.com',
        'From: sip:caller@example.net;tag=32394234',
        'Call-ID: ncl.0ha0isndaksdj2193423r542w35',
        'CSeq: 0 INVITE',
        'Via: SIP/2.0/UDP 192.0.2.53;branch=z9hG4bKkdjuw',
        'Contact: <sip:caller@example53.example.net>',
        'Content-Type: application/sdp',
        'Content-Length: -999',
      ],
      sdp,
    ),
  },
  // 3.1.2.4 scalar02: request scalar fields with overlarge values.
  scalar02: {
    status: 400,
    text: crlf(
      'REGISTER sip:example.com SIP/2.0',
      'Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3',
      'To: <sip:user@example.com>',
      'From: <sip:user@example.com>;tag=239232jh3',
      'CSeq: 36893488147419103232 REGISTER',
      'Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32',
      'Max-Forwards: 300',
      'Expires: 1000000000000000000000000000000000000000000000',
      'Contact: <sip:user@host129.example.com>',
      '  ;expires=280297596632815',
      'Content-Length: 0',
      '',
      '',
    ),
  },
  // 3.1.2.5 scalarlg: a response with overlarge scalars (not answerable: a response is never answered).
  scalarlg: {
    status: null,
    text: crlf(
      'SIP/2.0 503 Service Unavailable',
      'Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bKzzxdiwo34sw;received=192.0.2.129',
      'To: <sip:user@example.com>',
      'From: <sip:other@example.net>;tag=2easdjfejw',
      'CSeq: 9292394834772304023312 OPTIONS',
      'Call-ID: scalarlg.noase0of0234hn2qofoaf0232aewf2394r',
      'Retry-After: 949302838503028349304023988',
      'Warning: 1812 overture "In Progress"',
      'Content-Length: 0',
      '',
      '',
    ),
  },
  // 3.1.2.6 quotbal: an unterminated quoted string in a display name.
  quotbal: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com SIP/2.0',
        'To: "Mr. J. User <sip:j.user@example.com>',
        'From: sip:caller@example.net;tag=93334',
        'Max-Forwards: 10',
        'Call-ID: quotbal.aksdj',
        'Contact: <sip:caller@host59.example.net>',
        'CSeq: 8 INVITE',
        'Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.1.2.7 ltgtruri: the Request-URI enclosed in <>.
  ltgtruri: {
    status: 400,
    text: withBody(
      [
        'INVITE <sip:user@example.com> SIP/2.0',
        'To: sip:user@example.com',
        'From: sip:caller@example.net;tag=39291',
        'Max-Forwards: 23',
        'Call-ID: ltgtruri.1@192.0.2.5',
        'CSeq: 1 INVITE',
        'Via: SIP/2.0/UDP 192.0.2.5',
        'Contact: <sip:caller@host5.example.net>',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.1.2.8 lwsruri: white space inside the Request-URI.
  lwsruri: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com; lr SIP/2.0',
        'To: sip:user@example.com;tag=3xfe-9921883-z9f',
        'From: sip:caller@example.net;tag=231413434',
        'Max-Forwards: 5',
        'Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423',
        'CSeq: 2130706432 INVITE',
        'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkdjuw2395',
        'Contact: <sip:caller@host1.example.net>',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.1.2.9 lwsstart: several spaces between the Request-Line elements.
  lwsstart: {
    status: 400,
    text: withBody(
      [
        'INVITE  sip:user@example.com  SIP/2.0',
        'Max-Forwards: 8',
        'To: sip:user@example.com',
        'From: sip:caller@example.net;tag=8814',
        'Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com',
        'CSeq: 1893884 INVITE',
        'Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw3923',
        'Contact: <sip:caller@host1.example.net>',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.1.2.10 trws: a space at the end of the Request-Line.
  trws: {
    status: 400,
    text: crlf(
      'OPTIONS sip:remote-target@example.com SIP/2.0 ',
      'Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK299342093',
      'To: <sip:remote-target@example.com>',
      'From: <sip:local-resource@example.com>;tag=329429089',
      'Call-ID: trws.oicu34958239neffasdhr2345r',
      'Accept: application/sdp',
      'CSeq: 238923 OPTIONS',
      'Max-Forwards: 70',
      'Content-Length: 0',
      '',
      '',
    ),
  },
  // 3.1.2.11 escruri: escaped headers in the Request-URI.
  escruri: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0',
        'To: sip:user@example.com',
        'From: sip:caller@example.net;tag=341518',
        'Max-Forwards: 7',
        'Contact: <sip:caller@host39923.example.net>',
        'Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5',
        'CSeq: 39234233 INVITE',
        'Via: SIP/2.0/UDP host-of-the-hour.example.com;branch=z9hG4bKkdjuw',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.1.2.12 baddate: a Date that is not GMT.
  baddate: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com SIP/2.0',
        'To: sip:user@example.com',
        'From: sip:caller@example.net;tag=2234923',
        'Max-Forwards: 70',
        'Call-ID: baddate.239423mnsadf3j23lj42--sedfnm234',
        'CSeq: 1392934 INVITE',
        'Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw',
        'Date: Fri, 01 Jan 2010 16:00:00 EST',
        'Contact: <sip:caller@host5.example.net>',
        'Content-Type: application/sdp',
        'Content-Length: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.1.2.13 regbadct: a URI with '?' and headers in Contact, not enclosed in <>.
  regbadct: {
    status: 400,
    text: crlf(
      'REGISTER sip:example.com SIP/2.0',
      'To: sip:user@example.com',
      'From: sip:user@example.com;tag=998332',
      'Max-Forwards: 70',
      'Call-ID: regbadct.k345asrl3fdbv@10.0.0.1',
      'CSeq: 1 REGISTER',
      'Via: SIP/2.0/UDP 135.180.130.133:5060;branch=z9hG4bKkdjuw',
      'Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.1.2.14 badaspec: spaces inside the <> of an addr-spec.
  badaspec: {
    status: 400,
    text: crlf(
      'OPTIONS sip:user@example.org SIP/2.0',
      'Via: SIP/2.0/UDP host4.example.com:5060;branch=z9hG4bKkdju43234',
      'Max-Forwards: 70',
      'From: "Bell, Alexander" <sip:a.g.bell@example.com>;tag=433423',
      'To: "Watson, Thomas" < sip:t.watson@example.org >',
      'Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3',
      'Accept: application/sdp',
      'CSeq: 3923239 OPTIONS',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.1.2.15 baddn: a display name with non-token characters (a comma) and no quotes.
  baddn: {
    status: 400,
    text: crlf(
      'OPTIONS sip:t.watson@example.org SIP/2.0',
      'Via: SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw',
      'Max-Forwards: 70',
      'From: Bell, Alexander <sip:a.g.bell@example.com>;tag=43',
      'To: Watson, Thomas <sip:t.watson@example.org>',
      'Call-ID: baddn.31415@c.example.com',
      'Accept: application/sdp',
      'CSeq: 3923239 OPTIONS',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.1.2.16 badvers: an unknown protocol version (answered 505).
  badvers: {
    status: 505,
    text: crlf(
      'OPTIONS sip:t.watson@example.org SIP/7.0',
      'Via:     SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw',
      'Max-Forwards:     70',
      'From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe',
      'To:      T. Watson <sip:t.watson@example.org>',
      'Call-ID: badvers.31417@c.example.com',
      'CSeq:    1 OPTIONS',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.1.2.17 mismatch01: the CSeq method differs from the Request-Line method.
  mismatch01: {
    status: 400,
    text: crlf(
      'OPTIONS sip:user@example.com SIP/2.0',
      ...optionsHead('mismatch01.dj0234sxdfl3'),
      'CSeq: 8 INVITE',
      'Accept: application/sdp',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.1.2.18 mismatch02: an unknown method whose CSeq names another method.
  mismatch02: {
    status: 400,
    text: crlf(
      'NEWMETHOD sip:user@example.com SIP/2.0',
      ...optionsHead('mismatch02.dj0234sxdfl3'),
      'CSeq: 8 INVITE',
      'Contact: <sip:caller@host.example.net>',
      'Content-Type: application/sdp',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.1.2.19 bigcode: a response code far above 699 (a response: dropped, never answered).
  bigcode: {
    status: null,
    text: crlf(
      'SIP/2.0 4294967301 better not break the receiver',
      'Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe',
      'Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i',
      'CSeq: 353494 INVITE',
      'From: <sip:user@example.com>;tag=39ansfi3',
      'To: <sip:user@example.edu>;tag=902jndnke3',
      'Content-Length: 0',
      'Contact: <sip:user@host105.example.com>',
      '',
      '',
    ),
  },
  // 3.4.1 insuf: To, From, Call-ID and Max-Forwards missing.
  insuf: {
    status: 400,
    text: withBody(
      [
        'INVITE sip:user@example.com SIP/2.0',
        'CSeq: 193942 INVITE',
        'Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf',
        'Content-Type: application/sdp',
        'l: %LEN%',
      ],
      sdp,
    ),
  },
  // 3.4.8 multi01: several values in single-value fields (two To, two Call-ID).
  multi01: {
    status: 400,
    text: crlf(
      'INVITE sip:user@company.com SIP/2.0',
      'Contact: <sip:caller@host25.example.net>',
      'Via: SIP/2.0/UDP 192.0.2.25;branch=z9hG4bKkdjuw',
      'Max-Forwards: 70',
      'CSeq: 5 INVITE',
      'Call-ID: multi01.98asdh@192.0.2.1',
      'Call-ID: multi01.98asdh@192.0.2.2',
      'From: sip:caller@example.com;tag=3413415',
      'To: sip:user@example.com',
      'To: sip:other@example.net',
      'From: sip:caller@example.net;tag=2923420123',
      'l: 0',
      '',
      '',
    ),
  },
  // 3.4.9 mcl01: two Content-Length values.
  mcl01: {
    status: 400,
    text: crlf(
      'OPTIONS sip:user@example.com SIP/2.0',
      'Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bK293423',
      'To: sip:user@example.com',
      'From: sip:other@example.net;tag=3923942',
      'Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf',
      'CSeq: 15932 OPTIONS',
      'Content-Length: 13',
      'Max-Forwards: 60',
      'Content-Length: 5',
      'Content-Type: text/plain',
      '',
      "There's no way to know how many octets are supposed to be here.",
    ),
  },
  // Not from the RFC: frames that are not SIP at all.
  garbage: { status: null, text: '\u0000\u0001\u0002 hello \r\n' },
  emptyFrame: { status: null, text: '' },
  noBlankLine: {
    status: 400,
    text: crlf('OPTIONS sip:user@example.com SIP/2.0', ...optionsHead('noblank.1'), 'CSeq: 1 OPTIONS'),
  },
  headerWithoutColon: {
    status: 400,
    text: crlf(
      'OPTIONS sip:user@example.com SIP/2.0',
      ...optionsHead('nocolon.1'),
      'CSeq: 1 OPTIONS',
      'this line has no colon',
      '',
      '',
    ),
  },
  contactStarOnInvite: {
    status: 400,
    text: crlf(
      'INVITE sip:user@example.com SIP/2.0',
      ...optionsHead('star.1'),
      'CSeq: 1 INVITE',
      'Contact: *',
      '',
      '',
    ),
  },
};

/** 3.4.2 unkscm: a well-formed request whose Request-URI scheme the edge does not serve (416). */
export const unknownSchemeRequest = crlf(
  'OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0',
  'To: sip:user@example.com',
  'From: sip:caller@example.net;tag=384',
  'Max-Forwards: 3',
  'Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34',
  'CSeq: 3923423 OPTIONS',
  'Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234',
  'Content-Length: 0',
  '',
  '',
);

/**
 * Application-layer torture messages (RFC 4475 3.2 and 3.3), as the RFC writes them. All but
 * unksm2 parse; what they test is the answer of the element that receives them. The edge integration tests send
 * them through a real socket, with the Request-URI or AOR moved to the demo tenant where the case
 * needs an address the edge serves.
 */
export const applicationTortures = {
  // 3.2.1 badbranch: the branch is the magic cookie alone, so there is no transaction identifier.
  badbranch: crlf(
    'OPTIONS sip:user@example.com SIP/2.0',
    'To: sip:user@example.com',
    'From: sip:caller@example.org;tag=33242',
    'Max-Forwards: 3',
    'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK',
    'Accept: application/sdp',
    'Call-ID: badbranch.sadonfo23i420jv0as0derf3j3n',
    'CSeq: 8 OPTIONS',
    'l: 0',
    '',
    '',
  ),
  // 3.3.3 novelsc: a Request-URI of a scheme nobody registered (soap.beep).
  novelsc: crlf(
    'OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0',
    'To: sip:user@example.com',
    'From: sip:caller@example.net;tag=384',
    'Max-Forwards: 3',
    'Call-ID: novelsc.asdfasser0q239nwsdfasdkl34',
    'CSeq: 3923423 OPTIONS',
    'Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234',
    'Content-Length: 0',
    '',
    '',
  ),
  // 3.3.4 unksm2: To, From and Contact of non-SIP schemes in a REGISTER; a registrar answers 400
  // (an AOR must be a SIP or SIPS URI). The grammar (JsSIP's) reads only SIP URIs in From and To,
  // so the edge refuses it while parsing, with that same 400 and nothing bound.
  unksm2: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'To: isbn:2983792873',
    'From: <http://www.example.com>;tag=3234233',
    'Call-ID: unksm2.daksdj@hyphenated-host.example.com',
    'CSeq: 234902 REGISTER',
    'Max-Forwards: 70',
    'Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKkdjuw',
    'Contact: <name:John_Smith>',
    'l: 0',
    '',
    '',
  ),
  // 3.3.5 bext01: Require and Proxy-Require of extensions nobody supports; a UAS answers 420 with
  // the Require ones in Unsupported (Proxy-Require is for proxies).
  bext01: crlf(
    'OPTIONS sip:user@example.com SIP/2.0',
    'To: sip:j_user@example.com',
    'From: sip:caller@example.net;tag=242etr',
    'Max-Forwards: 6',
    'Call-ID: bext01.0ha0isndaksdj',
    'Require: nothingSupportsThis, nothingSupportsThisEither',
    'Proxy-Require: noProxiesSupportThis, norDoAnyProxiesSupportThis',
    'CSeq: 8 OPTIONS',
    'Via: SIP/2.0/TLS fold-and-staple.example.com;branch=z9hG4bKkdjuw',
    'Content-Length: 0',
    '',
    '',
  ),
  // 3.3.6 invut: an INVITE whose body is of a type the receiver does not know: 415 with Accept.
  invut: withBody(
    [
      'INVITE sip:user@example.com SIP/2.0',
      'Contact: <sip:caller@host5.example.net>',
      'To: sip:j.user@example.com',
      'From: sip:caller@example.net;tag=8392034',
      'Max-Forwards: 70',
      'Call-ID: invut.0ha0isndaksdjadsfij34n23d',
      'CSeq: 235448 INVITE',
      'Via: SIP/2.0/UDP somehost.example.com;branch=z9hG4bKkdjuw',
      'Content-Type: application/unknownformat',
      'Content-Length: %LEN%',
    ],
    crlf('<audio>', ' <pcmu port="443"/>', '</audio>', ''),
  ),
  // 3.3.7 regaut01: a REGISTER with an Authorization of an unknown scheme; a registrar that
  // authenticates answers 401 with a challenge of its own scheme, and binds nothing.
  regaut01: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'To: sip:j.user@example.com',
    'From: sip:j.user@example.com;tag=87321hj23128',
    'Max-Forwards: 8',
    'Call-ID: regaut01.0ha0isndaksdj',
    'CSeq: 9338 REGISTER',
    'Via: SIP/2.0/TCP 192.0.2.253;branch=z9hG4bKkdjuw',
    'Authorization: NoOneKnowsThisScheme opaque-data=here',
    'Content-Length:0',
    '',
    '',
  ),
  // 3.3.10 bcast: a 200 whose second Via is the broadcast address; an endpoint drops it.
  bcast: withBody(
    [
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923',
      'Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23',
      'Call-ID: bcast.0384840201234ksdfak3j2erwedfsASdf',
      'CSeq: 35 INVITE',
      'From: sip:user@example.com;tag=11141343',
      'To: sip:user@example.edu;tag=2229',
      'Content-Length: %LEN%',
      'Content-Type: application/sdp',
      'Contact: <sip:user@host28.example.com>',
    ],
    crlf(
      'v=0',
      'o=mhandley 29739 7272939 IN IP4 192.0.2.198',
      's=-',
      'c=IN IP4 192.0.2.198',
      't=0 0',
      'm=audio 49217 RTP/AVP 0 12',
      'm=video 3227 RTP/AVP 31',
      'a=rtpmap:31 LPC',
      '',
    ),
  ),
  // 3.3.11 zeromf: Max-Forwards 0. A proxy answers 483; an endpoint answers as if it were positive.
  zeromf: crlf(
    'OPTIONS sip:user@example.com SIP/2.0',
    'To: sip:user@example.com',
    'From: sip:caller@example.net;tag=3ghsd41',
    'Call-ID: zeromf.jfasdlfnm2o2l43r5u0asdfas',
    'CSeq: 39234321 OPTIONS',
    'Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw2349i',
    'Max-Forwards: 0',
    'Content-Length: 0',
    '',
    '',
  ),
  // 3.3.12 cparam01: no <>, so `unknownparam` is a contact parameter, not part of the bound URI.
  cparam01: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'Via: SIP/2.0/UDP saturn.example.com:5060;branch=z9hG4bKkdjuw',
    'Max-Forwards: 70',
    'From: sip:watson@example.com;tag=DkfVgjkrtMwaerKKpe',
    'To: sip:watson@example.com',
    'Call-ID: cparam01.70710@saturn.example.com',
    'CSeq: 2 REGISTER',
    'Contact: sip:+19725552222@gw1.example.net;unknownparam',
    'l: 0',
    '',
    '',
  ),
  // 3.3.12 cparam02: inside <>, so `unknownparam` is a URI parameter and stays in the binding.
  cparam02: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'Via: SIP/2.0/UDP saturn.example.com:5060;branch=z9hG4bKkdjuw',
    'Max-Forwards: 70',
    'From: sip:watson@example.com;tag=838293',
    'To: sip:watson@example.com',
    'Call-ID: cparam02.70710@saturn.example.com',
    'CSeq: 3 REGISTER',
    'Contact: <sip:+19725552222@gw1.example.net;unknownparam>',
    'l: 0',
    '',
    '',
  ),
  // 3.3.13 regescrt: an escaped header in a Contact URI (legal inside <>); the binding keeps it.
  regescrt: crlf(
    'REGISTER sip:example.com SIP/2.0',
    'To: sip:user@example.com',
    'From: sip:user@example.com;tag=8',
    'Max-Forwards: 70',
    'Call-ID: regescrt.k345asrl3fdbv@192.0.2.1',
    'CSeq: 14398234 REGISTER',
    'Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw',
    'M: <sip:user@example.com?Route=%3Csip:sip.example.com%3E>',
    'L:0',
    '',
    '',
  ),
  // 3.3.14 sdp01: an INVITE whose Accept excludes application/sdp, so no answer with SDP may be
  // sent: 406 with a Warning (400 is also allowed).
  sdp01: withBody(
    [
      'INVITE sip:user@example.com SIP/2.0',
      'To: sip:j_user@example.com',
      'Contact: <sip:caller@host15.example.net>',
      'From: sip:caller@example.net;tag=234',
      'Max-Forwards: 5',
      'Call-ID: sdp01.ndaksdj9342dasdd',
      'Accept: text/nobodyKnowsThis',
      'CSeq: 8 INVITE',
      'Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw',
      'Content-Length: %LEN%',
      'Content-Type: application/sdp',
    ],
    crlf(
      'v=0',
      'o=mhandley 29739 7272939 IN IP4 192.0.2.5',
      's=-',
      'c=IN IP4 192.0.2.5',
      't=0 0',
      'm=audio 49217 RTP/AVP 0 12',
      'm=video 3227 RTP/AVP 31',
      'a=rtpmap:31 LPC',
      '',
    ),
  ),
  // 3.3.15 inv2543: an RFC 2543 INVITE: no branch, no From tag, no Max-Forwards, no Content-Length
  // (the body runs to the end of the frame).
  inv2543: crlf(
    'INVITE sip:UserB@example.com SIP/2.0',
    'Via: SIP/2.0/UDP iftgw.example.com',
    'From: <sip:+13035551111@ift.client.example.net;user=phone>',
    'Record-Route: <sip:UserB@example.com;maddr=ss1.example.com>',
    'To: sip:+16505552222@ss1.example.net;user=phone',
    'Call-ID: inv2543.1717@ift.client.example.com',
    'CSeq: 56 INVITE',
    'Content-Type: application/sdp',
    '',
    'v=0',
    'o=mhandley 29739 7272939 IN IP4 192.0.2.5',
    's=-',
    'c=IN IP4 192.0.2.5',
    't=0 0',
    'm=audio 49217 RTP/AVP 0',
    '',
  ),
} as const;
