import { createInterface } from 'node:readline';

/**
 * Asks for the vault passphrase on the terminal without echoing it. Only on
 * a TTY: a script gives it in OUTPOST_VAULT_PASSPHRASE instead.
 */
export function promptPassphrase(question: string): Promise<string> {
  return new Promise((resolvePrompt) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      // The question is written once; what the person types is not.
      if (!asked) process.stderr.write(text);
      asked = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolvePrompt(answer);
    });
  });
}
