// Bundles the Electron main process and the preload (`npm run build:desktop`). Both are single
// CommonJS files: Electron loads main.cjs from package.json "main", and a sandboxed preload cannot
// require anything but 'electron', so the contract and zod are bundled into it.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

/** The esbuild options of both bundles, rooted at the repository folder. */
export function desktopBuildOptions(root, outDir = path.join(root, 'dist')) {
  const shared = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { '@contract': path.join(root, 'contract') },
  };
  return [
    {
      ...shared,
      entryPoints: [path.join(root, 'main', 'main.ts')],
      outfile: path.join(outDir, 'main', 'main.cjs'),
      platform: 'node',
      target: 'node22',
      tsconfig: path.join(root, 'main', 'tsconfig.json'),
    },
    {
      ...shared,
      entryPoints: [path.join(root, 'preload', 'preload.ts')],
      outfile: path.join(outDir, 'preload', 'preload.cjs'),
      // The sandboxed preload has no Node: building for the browser makes any Node import fail here.
      platform: 'browser',
      target: 'chrome140',
      minify: true,
      tsconfig: path.join(root, 'preload', 'tsconfig.json'),
    },
  ];
}

/** Runs both builds; resolves with esbuild's results, rejects on the first error. */
export async function buildDesktop(root, outDir) {
  const esbuild = await import('esbuild');
  return Promise.all(desktopBuildOptions(root, outDir).map((options) => esbuild.build(options)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(import.meta.dirname, '..');
  buildDesktop(root).then(
    () => console.log('Built dist/main/main.cjs and dist/preload/preload.cjs'),
    (error) => {
      console.error(`Desktop build failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
