import { inlineImagePath } from './sanitize-email-html';

// Inline (cid:) images point at our attachment route, which needs the session token that an <img>
// cannot send; the pane fetches them with the token and shows them from blob: URLs instead.

const parse = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template;
};

/** The attachment paths of the inline images in sanitised HTML, each once. */
export function inlineImagePaths(html: string): string[] {
  if (!html.includes('/api/email/messages/')) return [];
  const paths = new Set<string>();
  for (const img of parse(html).content.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? '';
    if (inlineImagePath.test(src)) paths.add(src);
  }
  return [...paths];
}

/** The HTML with each inline image's path replaced by its blob: URL; ones not fetched (yet) lose their src. */
export function withInlineUrls(html: string, urls: ReadonlyMap<string, string>): string {
  if (!html.includes('/api/email/messages/')) return html;
  const template = parse(html);
  for (const img of template.content.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? '';
    if (!inlineImagePath.test(src)) continue;
    const url = urls.get(src);
    if (url && url.startsWith('blob:')) img.setAttribute('src', url);
    else img.removeAttribute('src');
  }
  return template.innerHTML;
}
