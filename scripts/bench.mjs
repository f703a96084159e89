// `npm run bench`: runs every benchmark script registered as `bench:*` in package.json (except the
// part-runners they call themselves) and prints one JSON document with each result, so a run can be
// kept and compared. Each benchmark prints its own JSON with a floor measured in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const only = process.argv.slice(2);
const names = Object.keys(pkg.scripts)
  .filter((n) => /^bench:[a-z-]+$/.test(n))
  .filter((n) => only.length === 0 || only.includes(n.slice('bench:'.length)));

const results = {};
let failures = 0;
for (const name of names) {
  process.stderr.write(`running ${name}…\n`);
  const r = spawnSync('npm', ['run', '--silent', name], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = r.stdout.trim();
  try {
    results[name] = JSON.parse(text.slice(text.indexOf('{')));
  } catch {
    failures++;
    results[name] = { error: `exit ${r.status}`, stderr: r.stderr.slice(-2000) };
  }
}
console.log(
  JSON.stringify(
    { machine: { cores: (await import('node:os')).cpus().length, node: process.version }, results },
    null,
    2,
  ),
);
process.exit(failures ? 1 : 0);
