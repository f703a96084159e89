import path from 'node:path';
import { appHost } from '../appOrigin';

/** What the app:// handler needs: the built renderer folder, a file reader and the current CSP. */
export interface AppProtocolDeps {
  rootDir: string;
  readFile(file: string): Promise<Uint8Array>;
  contentSecurityPolicy(): string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves the bundled renderer for app://seat/…: only GET, only files inside rootDir (an encoded
 * `..` cannot climb out), every page with our CSP. A path without a file extension that does not
 * exist is an in-app route, so it gets index.html (the renderer routes on the client).
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const root = path.resolve(deps.rootDir);
  const respond = async (file: string): Promise<Response> => {
    const body = await deps.readFile(file);
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = deps.contentSecurityPolicy();
      headers['Cache-Control'] = 'no-cache';
    }
    return new Response(body, { status: 200, headers });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad URL');
    }
    if (url.host.toLowerCase() !== appHost) return plain(404, 'Not found');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad URL');
    }
    if (relative.includes('\0')) return plain(400, 'Bad URL');
    const file = path.resolve(root, `.${path.posix.normalize(relative === '/' ? '/index.html' : relative)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return plain(404, 'Not found');
    try {
      return await respond(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR') return plain(500, 'Could not read the file');
      if (path.extname(file) === '')
        return respond(path.join(root, 'index.html')).catch(() => plain(404, 'Not found'));
      return plain(404, 'Not found');
    }
  };
}
