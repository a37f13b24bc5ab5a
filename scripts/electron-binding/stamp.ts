import { readFileSync } from 'node:fs';
import type { BindingTarget } from './target';

export type BindingMethod = 'prebuilt' | 'source';

/** Written beside the binary: what it was made for and how, so a stale one is seen. */
export interface BindingStamp extends BindingTarget {
  method: BindingMethod;
  madeAt: string;
  seconds: number;
}

const TARGET_KEYS = ['electron', 'abi', 'betterSqlite3', 'platform', 'arch'] as const;

export function readStamp(file: string): BindingStamp | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<BindingStamp>;
    return TARGET_KEYS.every((key) => typeof value[key] === 'string')
      ? (value as BindingStamp)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The first way the stamp differs from the target, in words; undefined when it matches. */
export function stampDifference(stamp: BindingStamp, target: BindingTarget): string | undefined {
  if (stamp.electron !== target.electron || stamp.abi !== target.abi)
    return `it was made for Electron ${stamp.electron} (ABI ${stamp.abi}), the installed one is ${target.electron} (ABI ${target.abi})`;
  if (stamp.betterSqlite3 !== target.betterSqlite3)
    return `it was made from better-sqlite3 ${stamp.betterSqlite3}, the installed one is ${target.betterSqlite3}`;
  if (stamp.platform !== target.platform || stamp.arch !== target.arch)
    return `it was made for ${stamp.platform}-${stamp.arch}, this machine is ${target.platform}-${target.arch}`;
  return undefined;
}
