import { type BindingStamp, stampDifference } from './stamp';
import type { BindingTarget } from './target';

/** What is in the Electron-binding folder now. */
export interface FoundBinding {
  /** ABI read from the binary's bytes; undefined when there is no binary or no addon symbol. */
  binaryAbi: string | undefined;
  binaryExists: boolean;
  stamp: BindingStamp | undefined;
}

export type Decision = { make: false } | { make: true; reason: string };

/** Nothing is done when the binary, its stamp and the installed versions all agree. */
export function decide(target: BindingTarget, found: FoundBinding): Decision {
  if (!found.binaryExists) return { make: true, reason: 'there is no Electron build yet' };
  if (found.stamp === undefined)
    return { make: true, reason: 'the Electron build has no readable stamp' };
  const difference = stampDifference(found.stamp, target);
  if (difference !== undefined)
    return { make: true, reason: `the Electron build is stale: ${difference}` };
  if (found.binaryAbi !== target.abi)
    return {
      make: true,
      reason: `the Electron build's file is for ABI ${found.binaryAbi ?? 'unknown'}, Electron ${target.electron} needs ${target.abi}`,
    };
  return { make: false };
}
