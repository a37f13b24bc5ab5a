'use strict';
// Preloaded with `node --require` (through NODE_OPTIONS) by the CLI start-up tests:
// when the process exits, writes every CommonJS file it loaded, one per line, to
// the file named by OUTPOST_TEST_LOADED_FILES.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.OUTPOST_TEST_LOADED_FILES, Object.keys(require.cache).join('\n'));
});
