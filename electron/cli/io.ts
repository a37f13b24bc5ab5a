/** Reads all of stdin as UTF-8 (the CLI's message input). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The options every command accepts (DESIGN.md). */
export interface GlobalOptions {
  dataDir: string;
  json: boolean;
}
