'use strict';
// Loads the pool's worker from its TypeScript source, for the contexts that run
// the code unbuilt (vitest, tsx, `npm run web`): a worker thread does not inherit
// vitest's transform, so tsx compiles the worker's module tree here. The built
// bundles (out/cli, out/main) start their own compiled copy instead.
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('./check-worker.ts', __filename);
