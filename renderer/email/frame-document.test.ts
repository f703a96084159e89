import { describe, expect, it } from 'vitest';
import { frameDocument } from './frame-document';

const cspOf = (doc: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(doc)?.[1] ?? '';

describe('frameDocument', () => {
  it('declares UTF-8 and wraps the HTML in a body', () => {
    const doc = frameDocument('<p>您好</p>', { allowRemoteImages: false, lang: 'zh-CN' });
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toContain('<body><p>您好</p></body>');
  });

  it('allows no script, form, font or stylesheet loads and only local images until remote ones are allowed', () => {
    const blocked = cspOf(frameDocument('', { allowRemoteImages: false, lang: 'en' }));
    expect(blocked).toContain("default-src 'none'");
    expect(blocked).toContain('img-src blob: data:;');
    expect(blocked).not.toMatch(/script-src|https:/);
    expect(blocked).toContain("form-action 'none'");
    const allowed = cspOf(frameDocument('', { allowRemoteImages: true, lang: 'en' }));
    expect(allowed).toContain('img-src blob: data: https: http:');
  });

  it('sends no referrer with any request the frame makes', () => {
    expect(frameDocument('', { allowRemoteImages: true, lang: 'en' })).toContain(
      '<meta name="referrer" content="no-referrer">',
    );
  });

  it('keeps a hostile language tag from breaking out of its attribute', () => {
    expect(frameDocument('', { allowRemoteImages: false, lang: 'en"><script>' })).toContain(
      '<html lang="enscript">',
    );
  });
});
