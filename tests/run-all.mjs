// npm test: type-check and build, then every unit test (vitest) and every end-to-end test
// (Playwright in browser mode), and one closing line "N passed, N failed" over both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const reports = 'node_modules/.cache/wispdesk-test-reports';
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// The e2e tests drive Debian's Chromium (Playwright cannot download a browser here). On a fresh
// machine where we are root, install it; elsewhere say how.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing: installing Debian's chromium for the end-to-end tests");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], env);
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`The end-to-end tests need ${CHROMIUM}: install it with \`sudo apt-get install chromium\`.`);
  }
}

if (run('npm', ['run', 'build']) !== 0) {
  console.log('\nThe build failed, so no test ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;

const unitFile = `${reports}/unit.json`;
const unitExit = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitFile}`,
]);
const unit = readJson(unitFile);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unitExit !== 0 && unit.numFailedTests === 0 ? 1 : 0);
} else failed += 1;

const e2eFile = `${reports}/e2e.json`;
const e2eExit = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile });
const e2e = existsSync(e2eFile) ? readJson(e2eFile) : null;
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2eExit !== 0 && e2e.stats.unexpected === 0 ? 1 : 0);
} else failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
