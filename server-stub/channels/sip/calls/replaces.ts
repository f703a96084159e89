// The dialog an attended transfer names (RFC 3891): REFER's Refer-To carries an embedded Replaces
// header, `<sip:bob@demo?Replaces=call-id%3Bto-tag%3Dx%3Bfrom-tag%3Dy>`. The tags are seen from the
// referrer's side: to-tag is the tag of the far end of that dialog (here the edge's own), from-tag
// the referrer's.

/** The dialog a Replaces value identifies. */
export interface ReplacesDialog {
  callId: string;
  toTag: string;
  fromTag: string;
  earlyOnly: boolean;
}

/** True when a Refer-To value embeds a Replaces header (however it is spelled). */
export function hasReplaces(referTo: string): boolean {
  return /[?&]replaces=/i.test(referTo);
}

/** The Replaces dialog of a Refer-To value; null when there is none or it is malformed. */
export function replacesOf(referTo: string): ReplacesDialog | null {
  const match = /[?&]replaces=([^&>]*)/i.exec(referTo);
  if (!match) return null;
  let value: string;
  try {
    value = decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
  const [callId, ...params] = value.split(';').map((p) => p.trim());
  if (!callId) return null;
  const named = new Map<string, string>();
  for (const param of params) {
    const [name, raw = ''] = param.split('=');
    if (name) named.set(name.trim().toLowerCase(), raw.trim());
  }
  const toTag = named.get('to-tag');
  const fromTag = named.get('from-tag');
  if (!toTag || !fromTag) return null;
  return { callId, toTag, fromTag, earlyOnly: named.has('early-only') };
}
