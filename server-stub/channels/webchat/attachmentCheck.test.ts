import { maxChatAttachmentBytes } from '@contract/webchat';
import { describe, expect, it } from 'vitest';
import { checkAttachment, sniffAttachmentType } from './attachmentCheck';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n');

describe('chat attachment check', () => {
  it('recognises pictures, PDF and plain text by their bytes', () => {
    expect(sniffAttachmentType(png)).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffAttachmentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffAttachmentType(pdf)).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from('order 12345\nthanks\n'))).toBe('text/plain');
  });

  it('accepts a PNG named and declared as one', () => {
    expect(checkAttachment({ filename: 'screen.png', contentType: 'image/png', bytes: png })).toBe(
      'image/png',
    );
  });

  it('refuses an executable renamed to a picture', () => {
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    expect(() => checkAttachment({ filename: 'photo.png', contentType: 'image/png', bytes: exe })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }),
    );
  });

  it('refuses HTML dressed up as a text file', () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect(() => checkAttachment({ filename: 'note.txt', contentType: 'text/plain', bytes: html })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }),
    );
  });

  it('refuses a PDF whose name says it is a picture', () => {
    expect(() => checkAttachment({ filename: 'x.png', contentType: 'application/pdf', bytes: pdf })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }),
    );
  });

  it('refuses a declared type that disagrees with the content', () => {
    expect(() => checkAttachment({ filename: 'x.pdf', contentType: 'image/png', bytes: pdf })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }),
    );
  });

  it('refuses a file over the size limit', () => {
    const big = Buffer.alloc(maxChatAttachmentBytes + 1, 0x41);
    expect(() => checkAttachment({ filename: 'big.txt', contentType: 'text/plain', bytes: big })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TOO_LARGE' }),
    );
  });

  it('refuses an empty file', () => {
    expect(() =>
      checkAttachment({ filename: 'e.txt', contentType: 'text/plain', bytes: Buffer.alloc(0) }),
    ).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }));
  });
});
