import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './externalLinks';

describe('isAllowedExternalUrl', () => {
  it('allows https pages, e-mail and phone links', () => {
    for (const url of ['https://example.com/help?q=1', 'mailto:care@example.com', 'tel:+442079460000']) {
      expect(isAllowedExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, credentials in the URL and garbage', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'smb://share/x',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'app://seat/index.html',
      'https://user:pw@example.com/',
      'mailto:',
      'https://',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
