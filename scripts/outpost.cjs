#!/usr/bin/env node
'use strict';
// `outpost` (the package's bin, and `npm run -s outpost -- …`): runs the bundled
// command line out/cli/outpost.cjs in this same process, rebuilding it first when
// the sources are newer. Nothing here writes to stdout: that is the command's.
// OUTPOST_CLI_OUT_DIR puts the bundle elsewhere (the launcher's own tests use it).
const { DEFAULT_OUT_DIR, ensureCliBundle } = require('./cli-bundle.cjs');

let entry;
try {
  entry = ensureCliBundle(process.env.OUTPOST_CLI_OUT_DIR || DEFAULT_OUT_DIR);
} catch (error) {
  process.stderr.write(`outpost: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
require(entry);
