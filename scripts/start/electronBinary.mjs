// Finds the Electron binary the way node_modules/electron/index.js does, without its side effect:
// requiring 'electron' from Node starts a download when the binary is missing, which blocks for
// minutes where there is no internet. Here a missing binary is reported, never fetched.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron executable is, or why there is none.
 * @param {{ electronDir: string, env?: Record<string, string | undefined>, fileExists?: (p: string) => boolean, readText?: (p: string) => string }} options
 * @returns {{ ok: true, executable: string } | { ok: false, reason: string }}
 */
export function findElectronBinary({
  electronDir,
  env = process.env,
  fileExists = existsSync,
  readText = (p) => readFileSync(p, 'utf8'),
}) {
  if (!fileExists(path.join(electronDir, 'package.json')))
    return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fileExists(pathFile) ? readText(pathFile).trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return fileExists(executable)
      ? { ok: true, executable }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.basename(executable)}` };
  }
  if (!relative)
    return {
      ok: false,
      reason: 'never downloaded',
    };
  const executable = path.join(electronDir, 'dist', relative);
  if (!fileExists(executable))
    return {
      ok: false,
      reason: `the binary is missing from ${path.join('node_modules', 'electron', 'dist')}`,
    };
  return { ok: true, executable };
}
