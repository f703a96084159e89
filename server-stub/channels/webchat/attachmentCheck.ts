import { SeatError } from '@contract/errors';
import { maxChatAttachmentBytes, type ChatAttachmentType } from '@contract/webchat';

// What a chat attachment really is, judged from its bytes: the declared type and the file name's
// extension must both agree with the sniffed type, so a script renamed photo.png is refused.

const extensions: Record<ChatAttachmentType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log'],
};

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type the bytes are, or null when they are none of the allowed kinds. */
export function sniffAttachmentType(bytes: Buffer): ChatAttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (isPlainText(bytes)) return 'text/plain';
  return null;
}

/** UTF-8 text without NULs or control characters other than tab, line feed, carriage return, form feed. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: not text we accept.
    return false;
  }
  // Markup that a browser would render is not "plain text", whatever its name says.
  if (/^\s*<(!doctype|html|script|svg|\?xml)/i.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const allowedControl = code === 9 || code === 10 || code === 12 || code === 13;
    if ((code < 32 && !allowedControl) || code === 127) return false;
  }
  return true;
}

/** Checks an upload; returns its real type or throws ATTACHMENT_TOO_LARGE / ATTACHMENT_TYPE_NOT_ALLOWED. */
export function checkAttachment(input: {
  filename: string;
  contentType: string;
  bytes: Buffer;
}): ChatAttachmentType {
  if (input.bytes.length > maxChatAttachmentBytes)
    throw new SeatError(
      'ATTACHMENT_TOO_LARGE',
      `The file is ${input.bytes.length} bytes; the limit is ${maxChatAttachmentBytes} bytes.`,
    );
  if (input.bytes.length === 0) throw new SeatError('ATTACHMENT_TYPE_NOT_ALLOWED', 'The file is empty.');
  const sniffed = sniffAttachmentType(input.bytes);
  if (!sniffed)
    throw new SeatError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'Only pictures (PNG, JPEG, GIF, WebP), PDF and plain text files can be sent.',
    );
  const declared = input.contentType.toLowerCase().split(';')[0]?.trim();
  if (declared !== sniffed && !(sniffed === 'text/plain' && declared === 'application/octet-stream'))
    throw new SeatError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `The file says it is ${declared ?? 'nothing'} but its content is ${sniffed}.`,
    );
  const extension = input.filename.includes('.') ? input.filename.split('.').pop()!.toLowerCase() : '';
  if (!extensions[sniffed].includes(extension))
    throw new SeatError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `A ${sniffed} file must be named .${extensions[sniffed].join(' or .')}.`,
    );
  return sniffed;
}
