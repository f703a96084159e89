import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitizeHtml';

const noCid = () => null;

describe('e-mail HTML sanitising', () => {
  it('removes scripts, event handlers, javascript: links, forms and frames and says so', () => {
    const out = sanitizeEmailHtml(
      '<p onclick="steal()">Hi<script>alert(1)</script></p><a href="javascript:alert(2)">x</a><form action="https://evil"><input name="pw"></form><iframe src="https://evil"></iframe><svg onload="alert(3)"></svg>',
      noCid,
    );
    expect(out.removedActiveContent).toBe(true);
    expect(out.html).not.toMatch(/script|onclick|javascript:|<form|<input|<iframe|<svg|onload|alert/i);
    expect(out.html).toContain('<p>Hi</p>');
  });

  it('parks remote images until the agent allows them and counts them', () => {
    const out = sanitizeEmailHtml(
      '<img src="https://tracker.example/p.gif" alt="logo"><img src="http://x.example/a.png">',
      noCid,
    );
    expect(out.blockedRemoteImages).toBe(2);
    expect(out.html).not.toMatch(/\ssrc=/);
    expect(out.html).toContain('data-seat-remote-src="https://tracker.example/p.gif"');
  });

  it('points inline cid: images at our attachment URL and drops unknown ones', () => {
    const out = sanitizeEmailHtml('<img src="cid:logo@x"><img src="cid:missing@x">', (cid) =>
      cid === 'logo@x' ? '/api/email/messages/m1/attachments/a1' : null,
    );
    expect(out.html).toBe('<img src="/api/email/messages/m1/attachments/a1" />');
  });

  it('keeps plain formatting and opens links in a new, unprivileged tab; drops url() in styles', () => {
    const out = sanitizeEmailHtml(
      '<table><tr><td style="color: red; background-image: url(https://x)">A</td></tr></table><a href="https://example.com">site</a>',
      noCid,
    );
    expect(out.removedActiveContent).toBe(false);
    expect(out.html).toContain('<td style="color:red">A</td>');
    expect(out.html).toContain(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">site</a>',
    );
  });
});
