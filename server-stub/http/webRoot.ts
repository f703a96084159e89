import { statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { SeatError } from '@contract/errors';
import type { FastifyInstance } from 'fastify';
import type { FallbackHandler } from './errorHandling';

/** The Content-Security-Policy of the web seat's pages: nothing runs or loads from elsewhere. */
export const webSeatCsp = [
  "default-src 'self'",
  "script-src 'self'",
  // ag-grid sets inline style attributes on its cells; no inline script is allowed.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws: wss:",
  // Remote images appear only in an e-mail's sandboxed frame after the agent chose "Show remote
  // images"; that frame's own CSP allows them only then (renderer/email/frame-document.ts).
  "img-src 'self' data: blob: https: http:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const apiPrefixes = ['/api', '/ws', '/docs', '/healthz'];

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    )
      return false;
    throw error;
  }
};

function requestPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://seat.invalid').pathname);
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}

/** One built web page folder and where it is mounted. */
interface Page {
  root: string;
  /** URL prefix without a trailing slash; '' for the seat at `/`. */
  prefix: string;
  /** What to tell someone who asks for the page before it is built. */
  unbuilt: string;
}

/**
 * Serves the built seat from `webRoot` at `/` and the built customer page from `widgetRoot` at
 * `/widget/`, each with an SPA fallback: a GET for a path that is not a file and has no extension
 * gets that page's index.html. Checked on each request, so building while the server runs is
 * enough. Returns the fallback for the not-found handler.
 */
export async function registerWebRoot(
  app: FastifyInstance,
  webRoot: string,
  widgetRoot: string,
): Promise<FallbackHandler> {
  const seat: Page = {
    root: path.resolve(webRoot),
    prefix: '',
    unbuilt: 'The web seat is not built yet: run `npm run build:renderer`, then reload.',
  };
  const widget: Page = {
    root: path.resolve(widgetRoot),
    prefix: '/widget',
    unbuilt: 'The customer page is not built yet: run `npm run build:widget`, then reload.',
  };
  await app.register(fastifyStatic, { root: seat.root, serve: false });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !request.url.startsWith('/docs'))
      reply.header('content-security-policy', webSeatCsp);
    return payload;
  });

  return (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const pathname = requestPath(request.url);
    if (pathname === null || apiPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`)))
      return null;
    // The page's assets are relative (`./assets/…`), so its URL must end in a slash.
    if (pathname === widget.prefix) return reply.redirect(`${widget.prefix}/`, 301);
    const page = pathname.startsWith(`${widget.prefix}/`) ? widget : seat;
    if (!isFile(path.join(page.root, 'index.html'))) throw new SeatError('UNAVAILABLE', page.unbuilt);
    const relative = pathname.slice(page.prefix.length).replace(/^\/+/, '');
    const file = path.resolve(page.root, relative);
    const inside = file.startsWith(page.root + path.sep);
    if (relative && inside && isFile(file)) return reply.sendFile(relative, page.root);
    // A missing asset is a real 404; only app routes (no extension) fall back to the page.
    if (path.extname(relative) !== '') return null;
    return reply.header('cache-control', 'no-cache').sendFile('index.html', page.root);
  };
}
