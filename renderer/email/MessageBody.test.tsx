import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { MessageBody } from './MessageBody';
import { depsWith, fakeSanitizer, message } from './testing/email-fixtures';

const srcDoc = () => screen.getByTestId('email-frame').getAttribute('srcdoc') ?? '';

describe('MessageBody', () => {
  afterEach(cleanup);

  it('shows plain-text mail as text, Chinese intact, without a frame', () => {
    renderWithI18n(<MessageBody message={message()} deps={depsWith(fakeSanitizer())} />);
    expect(screen.getByTestId('email-text').textContent).toBe('您好，请看附件。');
    expect(screen.queryByTestId('email-frame')).toBeNull();
  });

  it('renders HTML in a frame sandboxed without scripts, with its own CSP blocking remote images', () => {
    renderWithI18n(
      <MessageBody message={message({ html: '<p>您好</p>' })} deps={depsWith(fakeSanitizer())} />,
    );
    const frame = screen.getByTestId('email-frame');
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(srcDoc()).toContain('<p>您好</p>');
    expect(srcDoc()).toContain('img-src blob: data:;');
    expect(srcDoc()).not.toContain(' src="https://cdn.example');
  });

  it('loads remote images only after the agent asks, re-rendering with them allowed', () => {
    const sanitizer = fakeSanitizer();
    renderWithI18n(<MessageBody message={message({ html: '<p>x</p>' })} deps={depsWith(sanitizer)} />);
    expect(screen.getByText(/1 remote images are blocked/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show remote images' }));
    expect(sanitizer.calls.at(-1)).toBe(true);
    expect(srcDoc()).toContain('src="https://cdn.example/logo.png"');
    expect(srcDoc()).toContain('img-src blob: data: https: http:');
    expect(screen.queryByRole('button', { name: 'Show remote images' })).toBeNull();
  });

  it('fails closed to the text when the sanitiser does not work in this DOM', () => {
    renderWithI18n(
      <MessageBody
        message={message({ html: '<script>x</script><p>html</p>' })}
        deps={depsWith(fakeSanitizer(false))}
      />,
    );
    expect(screen.queryByTestId('email-frame')).toBeNull();
    expect(screen.getByTestId('email-text').textContent).toBe('您好，请看附件。');
  });

  it('says when the server or the seat removed active content, and when MIME could not be read', () => {
    renderWithI18n(
      <MessageBody
        message={message({
          html: '<p>x</p>',
          htmlNotes: { removedActiveContent: true, blockedRemoteImages: 0 },
          parseProblem: 'bad boundary',
        })}
        deps={depsWith(fakeSanitizer())}
      />,
    );
    expect(screen.getByTestId('email-removed-note')).toBeTruthy();
    expect(screen.getByText(/bad boundary/)).toBeTruthy();
  });

  it('fetches inline images with the session and shows them from blob: URLs, revoking them on unmount', async () => {
    const deps = depsWith(fakeSanitizer());
    const { unmount } = renderWithI18n(
      <MessageBody
        message={message({ html: '<img alt="logo" src="/api/email/messages/m1/attachments/a1">' })}
        deps={deps}
      />,
    );
    await waitFor(() => expect(srcDoc()).toContain('src="blob:http://seat.test/1"'));
    expect(deps.api.download).toHaveBeenCalledWith('/api/email/messages/m1/attachments/a1');
    unmount();
    expect(deps.blobUrls.revoke).toHaveBeenCalledWith('blob:http://seat.test/1');
  });
});
