// Decides whether `npm start` must rebuild the renderer: only when its output is missing or older
// than a source it is built from, so a second start is quick.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const skipped = new Set(['node_modules', '.vite', 'dist']);

/** The newest modification time (ms) of the files under `dir`, visiting at most `limit` entries. */
export function newestMtime(dir, limit = 20_000) {
  let newest = 0;
  let visited = 0;
  const stack = [dir];
  while (stack.length > 0 && visited < limit) {
    const current = stack.pop();
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    for (const entry of entries) {
      visited++;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) stack.push(full);
      } else if (!/\.test\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  }
  return newest;
}

/**
 * Why a web page (the seat in renderer/, the customer page in widget/) must be rebuilt, or null when
 * dist/<page> is up to date.
 * @param {string} root the repository folder
 * @param {'renderer' | 'widget'} page the page's source folder, also its folder under dist/
 */
export function pageBuildReason(root, page) {
  const built = path.join(root, 'dist', page, 'index.html');
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return `dist/${page} is missing`;
  }
  const sources = [page, 'contract'].map((dir) => newestMtime(path.join(root, dir)));
  return Math.max(...sources) > builtAt ? `${page} sources changed since the last build` : null;
}

/**
 * Why the renderer must be rebuilt, or null when dist/renderer is up to date.
 * @param {string} root the repository folder
 */
export const rendererBuildReason = (root) => pageBuildReason(root, 'renderer');
