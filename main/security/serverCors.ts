import { appOrigin } from '../appOrigin';

/** What Electron's webRequest.onHeadersReceived passes about a response. */
export interface HeadersReceivedDetails {
  url: string;
  method: string;
  statusCode: number;
  responseHeaders?: Record<string, string[]>;
}

/** What to answer onHeadersReceived with; an empty object leaves the response as it is. */
export interface HeadersReceivedChange {
  responseHeaders?: Record<string, string[]>;
  statusLine?: string;
}

// The renderer runs at app://seat and calls the server cross-origin with a bearer token (no cookies).
// Rather than asking every deployment to list app://seat in its CORS settings, main marks the
// configured server's responses readable by our origin, inside our own session only. Other servers
// are left alone, so a page of ours still cannot read anyone else's responses.
const corsHeaders = {
  'Access-Control-Allow-Origin': [appOrigin],
  'Access-Control-Allow-Methods': ['GET, POST, PUT, PATCH, DELETE, OPTIONS'],
  'Access-Control-Allow-Headers': ['Authorization, Content-Type, Idempotency-Key, X-Request-Id'],
  'Access-Control-Expose-Headers': ['Retry-After, Location, ETag'],
  'Access-Control-Max-Age': ['600'],
  Vary: ['Origin'],
};

/** Adds CORS for our origin to responses of the configured server; leaves every other response alone. */
export function allowAppOriginOnServer(
  details: HeadersReceivedDetails,
  serverUrl: string,
): HeadersReceivedChange {
  let origin: string;
  try {
    origin = new URL(details.url).origin;
  } catch {
    return {};
  }
  if (origin !== new URL(serverUrl).origin) return {};
  const kept = Object.entries(details.responseHeaders ?? {}).filter(
    ([name]) => !name.toLowerCase().startsWith('access-control-') && name.toLowerCase() !== 'vary',
  );
  const change: HeadersReceivedChange = { responseHeaders: { ...Object.fromEntries(kept), ...corsHeaders } };
  // A preflight must succeed for the real request to be sent; a server without OPTIONS routes says 404.
  if (details.method === 'OPTIONS' && (details.statusCode < 200 || details.statusCode >= 300)) {
    change.statusLine = 'HTTP/1.1 204 No Content';
  }
  return change;
}
