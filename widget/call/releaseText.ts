/**
 * The centre's own words when it releases a waiting call (overflow to a message, closed hours): the
 * edge answers 480 with the router's release message as the reason phrase. Null for a plain 480 or
 * any other failure, which get the page's generic texts.
 */
export function releaseText(
  response: { status_code: number; reason_phrase: string } | null | undefined,
): string | null {
  if (!response || response.status_code !== 480) return null;
  const phrase = (response.reason_phrase ?? '').trim();
  if (!phrase || /^temporarily unavailable$/i.test(phrase)) return null;
  return phrase.slice(0, 200);
}
