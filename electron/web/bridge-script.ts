import { join } from 'node:path';
import { build } from 'vite';

type Output = { output: { type: string; code?: string }[] };

/**
 * Bundles the page side of the bridge (page/client.ts: `window.outpost`
 * over the WebSocket) into one classic script, in memory, at start-up.
 * `entry` is another checkout's page/client.ts (the start bench's baseline).
 */
export async function buildBridgeScript(
  entry = join(__dirname, 'page', 'client.ts'),
): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: {
        entry,
        formats: ['iife'],
        name: 'OutpostBridge',
        fileName: () => 'bridge.js',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Output[];
  const code = results.flatMap((r) => r.output).find((o) => o.type === 'chunk')?.code;
  if (code === undefined) throw new Error('The web bridge script did not build.');
  return code;
}
