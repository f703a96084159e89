// The one test command (README, CI): typecheck, lint, formatting, unit tests, then end-to-end tests
// in Chromium.
// Every stage runs even when an earlier one fails, so one run shows everything that is broken; the
// last line is the plain summary CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'test-results', 'summary');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
const tally = (ok) => (ok ? passed++ : failed++);

tally(run('typecheck', bin('tsc'), ['-b']));
tally(run('lint', bin('eslint'), ['.', '--max-warnings=0']));
tally(run('format', bin('prettier'), ['--check', '.', '--log-level=warn']));

const unitJson = path.join(out, 'unit.json');
const unitOk = run('unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (!unitOk && unit.numFailedTests === 0) failed++; // a suite that failed to load has no failed test
} else tally(unitOk);

const built = run('build web pages', 'npm', ['run', 'build:web', '--silent']);
tally(built);
if (built) {
  const e2eJson = path.join(out, 'e2e.json');
  const e2eOk = run(
    'e2e tests',
    bin('playwright'),
    ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    },
  );
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    if (!e2eOk && e2e.stats.unexpected === 0) failed++;
  } else tally(e2eOk);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
