import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAbi } from 'node-abi';
import { StepFailure } from './step-failure';

/** The Electron build of better-sqlite3 this checkout needs. */
export interface BindingTarget {
  electron: string;
  /** NODE_MODULE_VERSION of that Electron release, from node-abi. */
  abi: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export interface Machine {
  platform: string;
  arch: string;
}

/** Reads the installed electron and better-sqlite3 versions, and Electron's ABI from node-abi. */
export function readTarget(projectRoot: string, machine: Machine): BindingTarget {
  const electron = installedVersion(projectRoot, 'electron');
  const betterSqlite3 = installedVersion(projectRoot, 'better-sqlite3');
  return { electron, abi: electronAbi(electron), betterSqlite3, ...machine };
}

function installedVersion(projectRoot: string, name: string): string {
  const file = join(projectRoot, 'node_modules', name, 'package.json');
  try {
    const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    if (typeof version === 'string' && version !== '') return version;
  } catch {
    // Reported below: a missing or unreadable package.json means the same to the person.
  }
  throw new StepFailure(
    `The ${name} package is not installed (${file} is missing); run \`npm install\` first.`,
  );
}

function electronAbi(version: string): string {
  try {
    return getAbi(version, 'electron');
  } catch {
    throw new StepFailure(
      `node-abi does not know the ABI of Electron ${version}; update it (\`npm install --save-dev --save-exact node-abi@latest\`) and run \`npm start\` again.`,
    );
  }
}
