#!/usr/bin/env node
// `npm test` step: Doyensec's Electronegativity over the Electron code, failing
// on any HIGH or MEDIUM finding. Its CLI cannot parse arguments with the
// commander this project installs and always exits 0, so its runner is called
// directly and the findings are read from its result.
const path = require('node:path');

const SEVERE = new Set(['HIGH', 'MEDIUM']);

async function main() {
  const base = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const i18n = require(path.join(base, 'dist/locales/i18n.js'));
  await (i18n.default ?? i18n)();
  const runner = require(path.join(base, 'dist/runner.js'));
  const run = runner.default ?? runner;
  // The Electron code and the page it loads (for its Content-Security-Policy).
  const input = path.resolve(__dirname, '..');
  const result = await run(
    {
      input,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      parserPlugins: [],
      // Read from package.json: without it the tool assumes Electron 0.1 and asks the network.
      electronVersionOverride: require('../package.json').devDependencies.electron,
    },
    false,
  );
  const severe = result.issues.filter((i) => SEVERE.has(String(i.severity.name).toUpperCase()));
  for (const i of result.issues) {
    console.log(`${i.severity.name} ${i.confidence.name} ${i.id} ${i.file}:${i.location.line}`);
  }
  console.log(
    `Electronegativity: ${result.issues.length} findings (${severe.length} HIGH or MEDIUM), ${result.errors.length} files it could not parse.`,
  );
  process.exit(severe.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
