const allowedProtocols = new Set(['https:', 'mailto:', 'tel:']);

/**
 * Whether a link may be handed to the operating system (shell.openExternal): only https pages,
 * e-mail and phone links, parsed with the URL parser. Anything else (file:, smb:, custom app
 * schemes, http:, URLs with credentials) could run or leak something on the agent's machine.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!allowedProtocols.has(parsed.protocol)) return false;
  if (parsed.protocol === 'https:')
    return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  return parsed.pathname !== '';
}
