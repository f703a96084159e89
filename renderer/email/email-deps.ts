import type { CannedApi } from '../canned/canned-api';
import type { EmailApi } from './email-api';
import type { EmailSanitizer } from './sanitize-email-html';

/** What the e-mail pane uses besides its props: the server, the sanitiser and the browser's file and link handling. */
export interface EmailPaneDeps {
  api: EmailApi;
  canned: CannedApi;
  sanitizer: EmailSanitizer;
  /** Opens a link the agent clicked in a message outside the seat (new browser window, or the OS via the host). */
  openLink: (url: string) => void;
  /** blob: URLs for inline images; revoked when the message leaves the screen. */
  blobUrls: { create: (blob: Blob) => string; revoke: (url: string) => void };
  /** Hands downloaded bytes to the browser as a file download. */
  saveFile: (blob: Blob, filename: string) => void;
}

/** Links the seat hands on: web pages, e-mail and phone links; anything else is ignored. */
export const isOpenableLink = (href: string) => /^(https?:|mailto:|tel:)/i.test(href.trim());
