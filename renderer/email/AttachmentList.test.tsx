import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { AttachmentList, formatSize } from './AttachmentList';
import { depsWith, fakeSanitizer } from './testing/email-fixtures';

const pdf = {
  id: 'a1',
  filename: '发票.pdf',
  contentType: 'application/pdf',
  size: 2048,
  contentId: null,
  inline: false,
};

describe('AttachmentList', () => {
  afterEach(cleanup);

  it('downloads an attachment with its own name when clicked', async () => {
    const deps = depsWith(fakeSanitizer());
    const blob = new Blob(['%PDF']);
    deps.api.download = vi.fn().mockResolvedValue(blob);
    renderWithI18n(<AttachmentList messageId="m 1" attachments={[pdf]} deps={deps} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download 发票.pdf (2 KB)' }));
    await waitFor(() => expect(deps.saveFile).toHaveBeenCalledWith(blob, '发票.pdf'));
    expect(deps.api.download).toHaveBeenCalledWith('/api/email/messages/m%201/attachments/a1');
  });

  it('says which file failed and why', async () => {
    const deps = depsWith(fakeSanitizer());
    deps.api.download = vi.fn().mockRejectedValue(new ApiError('NOT_FOUND', 'gone', 404));
    renderWithI18n(<AttachmentList messageId="m1" attachments={[pdf]} deps={deps} />);
    fireEvent.click(screen.getByRole('button', { name: /发票\.pdf/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^发票\.pdf could not be downloaded: /);
    expect(deps.saveFile).not.toHaveBeenCalled();
  });

  it('shows nothing for a message without attachments', () => {
    const { container } = renderWithI18n(
      <AttachmentList messageId="m1" attachments={[]} deps={depsWith(fakeSanitizer())} />,
    );
    expect(container.textContent).toBe('');
  });

  it('formats sizes as people read them', () => {
    expect([formatSize(10), formatSize(2048), formatSize(3.4 * 1024 * 1024)]).toEqual([
      '10 B',
      '2 KB',
      '3.4 MB',
    ]);
  });
});
