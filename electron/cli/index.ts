import { commands } from './commands';
import { runProgram } from './program';

// Entry point of the `outpost` command line, bundled into out/cli/outpost.cjs
// (vite.cli.config.mts) and run by scripts/outpost.cjs (the bin, `npm run -s outpost`).
void runProgram(commands, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
