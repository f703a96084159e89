// The document an e-mail's sanitised HTML is shown in: a sandboxed iframe's srcdoc. Its own CSP is a
// third wall behind both sanitisers: no script, no form, no font or stylesheet from anywhere, and
// images only from blob:/data: (inline parts we fetched) unless the agent allowed remote images.

/** Builds the srcdoc of one message. */
export function frameDocument(html: string, options: { allowRemoteImages: boolean; lang: string }): string {
  const imgSrc = options.allowRemoteImages ? 'blob: data: https: http:' : 'blob: data:';
  const csp = [
    "default-src 'none'",
    `img-src ${imgSrc}`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const lang = options.lang.replace(/[^a-zA-Z0-9-]/g, '');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>${frameStyles}</style></head><body>${html}</body></html>`;
}

const frameStyles = [
  'html{color-scheme:light}',
  'body{margin:0;padding:.5rem .75rem;font:14px/1.5 system-ui,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1d2330;background:#fff;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'img[data-seat-remote-src]{display:inline-block;min-width:1.5rem;min-height:1rem;outline:1px dashed #9aa3b2}',
  'table{max-width:100%}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 .8ex;border-left:2px solid #c8ccd4;padding-left:1ex;color:#4a5160}',
  'a{color:#1f5bb8}',
].join('');
