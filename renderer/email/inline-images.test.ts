import { describe, expect, it } from 'vitest';
import { inlineImagePaths, withInlineUrls } from './inline-images';

const html =
  '<p>Logo <img alt="logo" src="/api/email/messages/m1/attachments/a1"> and again <img src="/api/email/messages/m1/attachments/a1"> <img src="/api/email/messages/m1/attachments/a2"> <img data-seat-remote-src="https://x.example/p.png"></p>';

describe('inline images', () => {
  it('finds each inline image path once and ignores parked remote images', () => {
    expect(inlineImagePaths(html)).toEqual([
      '/api/email/messages/m1/attachments/a1',
      '/api/email/messages/m1/attachments/a2',
    ]);
  });

  it('shows fetched images from their blob URLs and drops the src of those not fetched', () => {
    const out = withInlineUrls(
      html,
      new Map([['/api/email/messages/m1/attachments/a1', 'blob:http://seat.test/1']]),
    );
    const template = document.createElement('template');
    template.innerHTML = out;
    const images = [...template.content.querySelectorAll('img')];
    expect(images.map((i) => i.getAttribute('src'))).toEqual([
      'blob:http://seat.test/1',
      'blob:http://seat.test/1',
      null,
      null,
    ]);
    expect(images[0]?.getAttribute('alt')).toBe('logo');
  });

  it('never puts anything but a blob: URL into an image', () => {
    const out = withInlineUrls(
      html,
      new Map([['/api/email/messages/m1/attachments/a1', 'https://evil.example/x']]),
    );
    expect(out).not.toContain('evil.example');
  });

  it('leaves HTML without inline images untouched', () => {
    expect(withInlineUrls('<p>plain 文本</p>', new Map())).toBe('<p>plain 文本</p>');
  });
});
