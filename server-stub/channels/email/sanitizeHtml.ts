import sanitize from 'sanitize-html';

// Server-side sanitising of e-mail HTML for display. The seat runs DOMPurify on top; this pass means
// no client ever receives a script, form, frame, event handler or active URL from a customer's mail.
// Remote images are parked (src moved to data-seat-remote-src) so nothing loads, and no sender learns
// the mail was opened, until the agent allows it; inline `cid:` images point at our attachment URLs.

/** The sanitised HTML and what was removed or parked. */
export interface SanitisedHtml {
  html: string;
  removedActiveContent: boolean;
  blockedRemoteImages: number;
}

const allowedTags = [
  ...sanitize.defaults.allowedTags.filter((t) => t !== 'a'),
  'a',
  'img',
  'font',
  'center',
  'span',
  'div',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'colgroup',
  'col',
  'hr',
  'br',
  'u',
  's',
  'sub',
  'sup',
];
const activeTags =
  /<\s*(script|iframe|frame|object|embed|form|input|button|select|textarea|link|meta|base|applet|svg|math|style)\b/i;
const activeAttributes = /\son[a-z]+\s*=|javascript:|vbscript:|data:text\/html/i;

/** Sanitises `html`; `cidUrl` maps a Content-ID to a URL of ours (or null to drop the image). */
export function sanitizeEmailHtml(html: string, cidUrl: (contentId: string) => string | null): SanitisedHtml {
  let blockedRemoteImages = 0;
  const removedActiveContent = activeTags.test(html) || activeAttributes.test(html);
  const clean = sanitize(html, {
    allowedTags,
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      '*': ['style', 'align', 'valign', 'width', 'height', 'bgcolor', 'color', 'dir', 'lang', 'title'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'data-seat-remote-src'],
      font: ['face', 'size', 'color'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      table: ['border', 'cellpadding', 'cellspacing'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'cid'],
    allowedSchemesByTag: { img: ['cid', 'http', 'https'] },
    allowProtocolRelative: false,
    // CSS is limited to plain presentation properties; url(), expression() and positioning are dropped.
    allowedStyles: {
      '*': Object.fromEntries(
        [
          'color',
          'background-color',
          'font-size',
          'font-weight',
          'font-style',
          'font-family',
          'text-align',
          'text-decoration',
          'margin',
          'padding',
          'border',
          'width',
          'height',
          'line-height',
        ].map((p) => [p, [/^[#a-z0-9 .,%'"()-]+$/i]]),
      ),
    },
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
      }),
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        if (/^cid:/i.test(src)) {
          const url = cidUrl(src.slice(4).replace(/^<|>$/g, ''));
          const { src: _cid, ...rest } = attribs;
          return { tagName, attribs: url ? { ...rest, src: url } : rest };
        }
        if (/^https?:/i.test(src)) {
          blockedRemoteImages++;
          const { src: _remote, ...rest } = attribs;
          return { tagName, attribs: { ...rest, 'data-seat-remote-src': src } };
        }
        const { src: _other, ...rest } = attribs;
        return { tagName, attribs: rest };
      },
    },
    exclusiveFilter: (frame) =>
      frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-seat-remote-src'],
  });
  return { html: clean, removedActiveContent, blockedRemoteImages };
}
