// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify relies on a faithful HTML parser and tree walker, and happy-dom 21
// lets scripts and handlers through it (see the self-check test below), so it cannot judge the config.
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createEmailSanitizer } from './sanitize-email-html';

const sanitizer = createEmailSanitizer(window);
const clean = (html: string, allowRemoteImages = false) => sanitizer.sanitize(html, { allowRemoteImages });

/** Parses sanitised HTML so assertions look at elements and attributes, not at string shapes. */
const dom = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
};

describe('e-mail HTML sanitiser (DOMPurify)', () => {
  it('removes script elements and keeps the text around them', () => {
    const result = clean('<p>Hello<script>window.hacked = 1</script> there</p>');
    expect(result.html).toBe('<p>Hello there</p>');
    expect(result.removedActiveContent).toBe(true);
  });

  it('removes event handler attributes such as onerror and onclick', () => {
    const result = clean('<img src="x" onerror="alert(1)"><p onclick="steal()" onmouseover="x()">hi</p>');
    const fragment = dom(result.html);
    for (const element of fragment.querySelectorAll('*'))
      expect(element.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
    expect(result.html).not.toMatch(/alert|steal/);
  });

  it('removes forms and every control, keeping nothing that could submit', () => {
    const result = clean(
      '<form action="https://evil.example/login" method="post"><input name="password"><button formaction="https://evil.example">Go</button><select><option>a</option></select><textarea>t</textarea></form>',
    );
    const fragment = dom(result.html);
    expect(fragment.querySelector('form, input, button, select, option, textarea')).toBeNull();
    expect(result.html).not.toContain('evil.example');
  });

  it('drops javascript:, vbscript: and data: links but keeps https, mailto and tel ones, opened in a new window without opener', () => {
    const result = clean(
      [
        '<a id="js" href="javascript:alert(1)">a</a>',
        '<a id="js2" href=" JaVaScRiPt:alert(1)">b</a>',
        '<a id="vb" href="vbscript:msgbox(1)">c</a>',
        '<a id="data" href="data:text/html,<script>alert(1)</script>">d</a>',
        '<a id="ok" href="https://shop.example/order/1">e</a>',
        '<a id="mail" href="mailto:help@example.com">f</a>',
        '<a id="tel" href="tel:+861012345678">g</a>',
      ].join(''),
    );
    const fragment = dom(result.html);
    for (const id of ['js', 'js2', 'vb', 'data'])
      expect(fragment.getElementById(id)?.hasAttribute('href')).toBe(false);
    const ok = fragment.getElementById('ok');
    expect(ok?.getAttribute('href')).toBe('https://shop.example/order/1');
    expect(ok?.getAttribute('target')).toBe('_blank');
    expect(ok?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(fragment.getElementById('mail')?.getAttribute('href')).toBe('mailto:help@example.com');
    expect(fragment.getElementById('tel')?.getAttribute('href')).toBe('tel:+861012345678');
  });

  it('drops inline CSS that loads anything (url(), @import, expression) and keeps plain presentation', () => {
    const result = clean(
      [
        '<div id="bg" style="background:url(https://tracker.example/p.gif)">a</div>',
        '<div id="imp" style="color:red; @import \'https://evil.example/x.css\'">b</div>',
        '<div id="expr" style="width: expression(alert(1))">c</div>',
        '<div id="set" style="background-image: image-set(\'https://t.example/a.png\' 1x)">d</div>',
        '<p id="plain" style="color: #336699; font-weight: bold">e</p>',
        '<table background="https://tracker.example/bg.png"><tr><td id="td">f</td></tr></table>',
      ].join(''),
    );
    const fragment = dom(result.html);
    for (const id of ['bg', 'imp', 'expr', 'set'])
      expect(fragment.getElementById(id)?.hasAttribute('style')).toBe(false);
    expect(fragment.getElementById('plain')?.getAttribute('style')).toBe('color: #336699; font-weight: bold');
    expect(result.html).not.toContain('tracker.example');
    expect(fragment.getElementById('td')?.textContent).toBe('f');
  });

  it('removes <style> blocks, whose rules could load remote URLs', () => {
    const result = clean('<style>body{background:url(https://t.example/x)}</style><p>text</p>');
    expect(result.html).toBe('<p>text</p>');
  });

  it('removes a meta refresh, base and link elements', () => {
    const result = clean(
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/a.css"><p>x</p>',
    );
    expect(result.html).toBe('<p>x</p>');
  });

  it('removes SVG with its scripts and handlers, and MathML', () => {
    const result = clean(
      '<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>t</text></a><image href="https://t.example/i.png" onload="x()"/></svg><math><mi>x</mi></math><p>ok</p>',
    );
    const fragment = dom(result.html);
    expect(fragment.querySelector('svg, script, image, math')).toBeNull();
    expect(result.html).not.toMatch(/alert|t\.example|onload/);
  });

  it('removes frames, objects and embeds', () => {
    const result = clean(
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><frameset><frame src="y"></frameset><p>ok</p>',
    );
    expect(dom(result.html).querySelector('iframe, object, embed, frame, frameset')).toBeNull();
  });

  it('parks remote images until the agent allows them, counting them either way', () => {
    const html =
      '<img id="a" src="https://tracker.example/open.gif?u=1" alt="logo"><img id="b" src="http://cdn.example/b.png">';
    const blocked = clean(html);
    expect(blocked.remoteImages).toBe(2);
    const parked = dom(blocked.html);
    expect(parked.getElementById('a')?.hasAttribute('src')).toBe(false);
    expect(parked.getElementById('a')?.getAttribute('data-seat-remote-src')).toBe(
      'https://tracker.example/open.gif?u=1',
    );
    expect(parked.getElementById('a')?.getAttribute('alt')).toBe('logo');

    const allowed = dom(clean(html, true).html);
    expect(allowed.getElementById('a')?.getAttribute('src')).toBe('https://tracker.example/open.gif?u=1');
    expect(allowed.getElementById('b')?.getAttribute('src')).toBe('http://cdn.example/b.png');
  });

  it('shows images the server parked only when allowed, and only if the parked URL is http(s)', () => {
    const server =
      '<img id="p" data-seat-remote-src="https://cdn.example/p.png"><img id="q" data-seat-remote-src="javascript:alert(1)">';
    expect(dom(clean(server).html).getElementById('p')?.hasAttribute('src')).toBe(false);
    const allowed = dom(clean(server, true).html);
    expect(allowed.getElementById('p')?.getAttribute('src')).toBe('https://cdn.example/p.png');
    expect(allowed.getElementById('q')?.hasAttribute('src')).toBe(false);
    expect(allowed.getElementById('q')?.hasAttribute('data-seat-remote-src')).toBe(false);
  });

  it('keeps inline images pointing at our attachment route and drops data: and protocol-relative sources', () => {
    const result = dom(
      clean(
        '<img id="cid" src="/api/email/messages/m1/attachments/a1"><img id="data" src="data:image/svg+xml,<svg onload=alert(1)>"><img id="rel" src="//evil.example/x.png"><img id="srcset" src="/api/email/messages/m1/attachments/a1" srcset="https://t.example/x.png 2x">',
      ).html,
    );
    expect(result.getElementById('cid')?.getAttribute('src')).toBe('/api/email/messages/m1/attachments/a1');
    expect(result.getElementById('data')?.hasAttribute('src')).toBe(false);
    expect(result.getElementById('rel')?.hasAttribute('src')).toBe(false);
    expect(result.getElementById('srcset')?.hasAttribute('srcset')).toBe(false);
  });

  it('keeps Chinese text (decoded by the server from GB2312, GBK or UTF-8) exactly', () => {
    const text = '您好，发票问题：请查收附件。繁體字也可以。';
    const result = clean(`<p>${text}</p><p>${'测试'.repeat(3)}</p>`);
    expect(dom(result.html).textContent).toBe(`${text}${'测试'.repeat(3)}`);
    expect(result.removedActiveContent).toBe(false);
  });

  it('keeps ordinary e-mail layout: tables, fonts, quotes and lists', () => {
    const html =
      '<table border="0" cellpadding="2"><tr><td colspan="2" align="center"><font color="#333" face="Arial">Hi</font></td></tr></table><blockquote>quoted</blockquote><ul><li>one</li></ul>';
    const result = clean(html);
    const fragment = dom(result.html);
    expect(fragment.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(fragment.querySelector('font')?.getAttribute('color')).toBe('#333');
    expect(fragment.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(result.removedActiveContent).toBe(false);
  });

  it('survives a large body without losing its end', () => {
    const big = `<div>${'<p>line 行</p>'.repeat(5_000)}<p id="end">end</p></div>`;
    const result = clean(big);
    expect(dom(result.html).getElementById('end')?.textContent).toBe('end');
  }, 30_000);

  it('treats malformed markup safely: unclosed tags and broken attributes never become active', () => {
    const result = clean(
      '<p>open <b>bold <img src=x onerror=alert(1)//<a href="java&#x09;script:alert(1)">x</a>',
    );
    expect(result.html).not.toMatch(/onerror|javascript|alert\(/i);
  });

  it('passes its own probe in a faithful DOM', () => {
    expect(sanitizer.supported).toBe(true);
  });

  it('reports itself unsupported in a DOM that lets the probe script through (happy-dom), so the seat fails closed', () => {
    const happy = new HappyWindow();
    try {
      expect(createEmailSanitizer(happy as unknown as Window).supported).toBe(false);
    } finally {
      void happy.happyDOM.close();
    }
  });
});
