import { readFileSync } from 'node:fs';

/**
 * Node addons export `node_register_module_v<ABI>` (ELF, Mach-O and PE alike),
 * so the symbol name in the file's bytes says which ABI it was compiled for.
 * That keeps a Node build from ever being installed under an Electron label.
 */
const REGISTER_SYMBOL = /node_register_module_v(\d+)/;

export function abiOfBinaryBytes(bytes: Buffer): string | undefined {
  // latin1 maps each byte to one character, so a binary never breaks the match.
  return REGISTER_SYMBOL.exec(bytes.toString('latin1'))?.[1];
}

/** The ABI the addon at `file` was built for; undefined when it is missing or not an addon. */
export function abiOfBinary(file: string): string | undefined {
  try {
    return abiOfBinaryBytes(readFileSync(file));
  } catch {
    return undefined;
  }
}
