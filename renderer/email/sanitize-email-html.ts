import DOMPurify from 'dompurify';
import type { Config } from 'dompurify';

// The seat's own pass over e-mail HTML (the server already ran sanitize-html): defence in depth, so a
// gap in one sanitiser is not a hole. Nothing active survives (scripts, handlers, forms, frames, SVG,
// meta refresh, javascript: links), CSS that loads anything (url(), @import, expression) is dropped,
// and remote images are parked in data-seat-remote-src until the agent allows them, so no sender
// learns the mail was opened.

/** The sanitised HTML of one message and what was taken out or parked. */
export interface SanitisedEmail {
  html: string;
  /** Remote (http/https) images in the message, parked or, when allowed, shown. */
  remoteImages: number;
  /** Whether anything active (script, handler, form, frame, loading CSS, bad URL) was removed here. */
  removedActiveContent: boolean;
}

/** Sanitises e-mail HTML for display. */
export interface EmailSanitizer {
  /**
   * Whether this DOM sanitises correctly: a probe with a script, a handler and a javascript: link
   * came out clean. When false the seat shows the plain text instead of any HTML (fail closed).
   */
  readonly supported: boolean;
  sanitize(html: string, options: { allowRemoteImages: boolean }): SanitisedEmail;
}

/** Links the agent may follow; anything else (javascript:, data:, file:, custom schemes) loses its href. */
const safeHref = /^(?:https?:|mailto:|tel:|#)/i;
const remoteUrl = /^https?:\/\//i;
/** Our attachment download path: inline (cid:) images the server pointed there. */
export const inlineImagePath = /^\/api\/email\/messages\/[^/]+\/attachments\/[^/]+$/;
const loadingCss =
  /url\s*\(|image-set\s*\(|expression\s*\(|@import|behavio(u)?r\s*:|-moz-binding|javascript:/i;

const forbiddenTags = [
  'script',
  'noscript',
  'style',
  'template',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'portal',
];
const forbiddenAttributes = [
  'srcset',
  'background',
  'action',
  'formaction',
  'ping',
  'poster',
  'lowsrc',
  'dynsrc',
  'xmlns',
  'xlink:href',
  'autofocus',
];

const probeHtml =
  '<p>a<script>1</script><img src="x" onerror="1"><a href="javascript:1">b</a><form><input></form></p>';

const config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: forbiddenTags,
  FORBID_ATTR: forbiddenAttributes,
  ADD_ATTR: ['target', 'data-seat-remote-src'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify's default minus every scheme but these: values without a scheme (sizes, colours) pass,
  // and the hook below is stricter still for href and src.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  WHOLE_DOCUMENT: false,
} satisfies Config;

/** Builds a sanitiser over its own DOMPurify instance (hooks are per instance, so nothing is shared). */
export function createEmailSanitizer(window: Window): EmailSanitizer {
  const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
  let allowRemote = false;
  let remoteImages = 0;
  let removedHere = false;

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!('getAttribute' in node)) return;
    const element = node as Element;
    const style = element.getAttribute('style');
    if (style !== null && loadingCss.test(style)) {
      element.removeAttribute('style');
      removedHere = true;
    }
    if (element.tagName === 'IMG') {
      const src = element.getAttribute('src') ?? '';
      const parked = element.getAttribute('data-seat-remote-src') ?? '';
      const remote = remoteUrl.test(src) ? src : remoteUrl.test(parked) ? parked : null;
      if (remote !== null) {
        remoteImages++;
        if (allowRemote) {
          element.setAttribute('src', remote);
          element.removeAttribute('data-seat-remote-src');
        } else {
          element.removeAttribute('src');
          element.setAttribute('data-seat-remote-src', remote);
        }
      } else {
        element.removeAttribute('data-seat-remote-src');
        if (src !== '' && !inlineImagePath.test(src)) {
          element.removeAttribute('src');
          removedHere = true;
        }
      }
    }
    if (element.tagName === 'A') {
      const href = element.getAttribute('href');
      if (href !== null && !safeHref.test(href.trim())) {
        element.removeAttribute('href');
        removedHere = true;
      }
      if (element.hasAttribute('href')) {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer nofollow');
      } else {
        element.removeAttribute('target');
      }
    } else if (element.hasAttribute('target')) {
      element.removeAttribute('target');
    }
  });

  const sanitize = (html: string, options: { allowRemoteImages: boolean }): SanitisedEmail => {
    allowRemote = options.allowRemoteImages;
    remoteImages = 0;
    removedHere = false;
    const clean = purify.sanitize(html, config);
    return { html: clean, remoteImages, removedActiveContent: removedHere || purify.removed.length > 0 };
  };
  const probe = purify.isSupported
    ? sanitize(probeHtml, { allowRemoteImages: false }).html
    : '<script>unsupported</script>';
  const supported = !/<script|onerror|javascript:|<form/i.test(probe);
  return { supported, sanitize };
}
