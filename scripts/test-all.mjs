#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one summary.
// A failed step does not hide the others (except that smoke and e2e need the build).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const artifacts = 'test/artifacts';
mkdirSync(artifacts, { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);

/** Reads pass/fail counts from a reporter's JSON file, if the step wrote one. */
function vitestCounts(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrors ?? 0) };
  } catch {
    return undefined;
  }
}
/** Failed vitest tests as "file > name: first line of the error", so a CI log's tail names them. */
function vitestFailures(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return r.testResults.flatMap((f) =>
      f.assertionResults
        .filter((a) => a.status === 'failed')
        .map(
          (a) =>
            `${f.name.replace(process.cwd(), '.')} > ${a.fullName}: ${firstLine(a.failureMessages)}`,
        ),
    );
  } catch {
    return [];
  }
}
function firstLine(messages) {
  return String(messages?.[0] ?? '')
    .split('\n')[0]
    .slice(0, 300);
}
/** Failed Playwright tests, walked through the suites' tree. */
function playwrightFailures(file) {
  try {
    const out = [];
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status !== 'unexpected') continue;
          const error = t.results?.at(-1)?.error?.message;
          out.push(`${spec.file}:${spec.line} > ${spec.title}: ${firstLine([error])}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites) walk(suite);
    return out;
  } catch {
    return [];
  }
}
function playwrightCounts(file) {
  try {
    const { stats } = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
  } catch {
    return undefined;
  }
}

const unitJson = join(artifacts, 'vitest-unit.json');
const smokeJson = join(artifacts, 'vitest-smoke.json');
const e2eJson = join(artifacts, 'playwright.json');
for (const f of [unitJson, smokeJson, e2eJson]) rmSync(f, { force: true });

const steps = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['-b'] },
  { name: 'lint + format', cmd: bin('biome'), args: ['check', '.'] },
  {
    name: 'import rules',
    cmd: bin('depcruise'),
    args: ['electron', 'renderer', 'shared', '--config', '.dependency-cruiser.cjs'],
  },
  {
    name: 'translations',
    cmd: process.execPath,
    args: ['--import', 'tsx', 'scripts/check-i18n.ts'],
  },
  {
    name: 'unit + integration',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`],
    counts: () => vitestCounts(unitJson),
    failures: () => vitestFailures(unitJson),
  },
  // Fails on a HIGH or MEDIUM finding (the tool itself always exits 0).
  { name: 'electronegativity', cmd: process.execPath, args: ['scripts/electronegativity.cjs'] },
  { name: 'build', cmd: bin('electron-vite'), args: ['build'], gate: true },
  // The renderer's start bundle against its budget (the build writes the report).
  {
    name: 'start bundle budget',
    cmd: process.execPath,
    args: ['--import', 'tsx', 'scripts/check-start-bundle.ts'],
    needsBuild: true,
  },
  {
    name: 'main-bundle smoke',
    cmd: bin('vitest'),
    args: [
      'run',
      '--config',
      'vitest.smoke.config.mts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${smokeJson}`,
    ],
    needsBuild: true,
    counts: () => vitestCounts(smokeJson),
    failures: () => vitestFailures(smokeJson),
  },
  {
    name: 'e2e (Chromium)',
    cmd: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
    needsBuild: true,
    counts: () => playwrightCounts(e2eJson),
    failures: () => playwrightFailures(e2eJson),
  },
];

// The reporters' error messages carry colour codes; the summary is plain text.
const ESC = String.fromCharCode(27);
const ANSI = (text) =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');
const results = [];
let buildOk = true;
for (const step of steps) {
  if (step.needsBuild && !buildOk) {
    results.push({ name: step.name, status: 'skipped (build failed)', seconds: 0 });
    continue;
  }
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0;
  if (step.gate && !ok) buildOk = false;
  results.push({
    name: step.name,
    status: ok ? 'pass' : 'FAIL',
    seconds: (Date.now() - started) / 1000,
    counts: step.counts?.(),
    failures: ok ? [] : (step.failures?.() ?? []),
  });
}

console.log('\n━━ summary ━━');
let passed = 0;
let failed = 0;
for (const r of results) {
  const tests = r.counts ? `  ${r.counts.passed} passed, ${r.counts.failed} failed` : '';
  console.log(
    `${r.status.padEnd(24)} ${r.name.padEnd(20)} ${r.seconds.toFixed(1).padStart(6)} s${tests}`,
  );
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
  }
}
const failedSteps = results.filter((r) => r.status !== 'pass');
// Printed last so that a log cut to its tail still says which tests failed.
for (const r of failedSteps) {
  for (const f of r.failures ?? []) console.log(`failed in ${r.name}: ${ANSI(f)}`);
}
console.log(
  failedSteps.length === 0
    ? '\nAll steps passed.'
    : `\n${failedSteps.length} step(s) did not pass: ${failedSteps.map((r) => r.name).join(', ')}.`,
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
