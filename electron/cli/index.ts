import { commands } from './commands';
import { runProgram } from './program';

// Entry point of `npm run -s outpost -- <command>`.
void runProgram(commands, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
