import { openDatabase } from '../core/db/connection';
import { BINDING_STEP_COMMAND } from './native-binding';

/** What of Electron the check needs: a native error box and a way to stop. */
export interface BindingCheckShell {
  app: { isPackaged: boolean; exit(code?: number): void };
  dialog: { showErrorBox(title: string, content: string): void };
}

/**
 * Opens an in-memory database with the addon the app is about to use. When it
 * will not load (missing, or built for another ABI) the person gets a native
 * dialog saying what to run, and the app stops, instead of a blank window or
 * a crash on the first query.
 */
export function bindingOpens(shell: BindingCheckShell, bindingPath: string): boolean {
  const problem = openProblem(bindingPath);
  if (problem === undefined) return true;
  shell.dialog.showErrorBox(
    'Outpost cannot open its database',
    `${bindingFailureMessage(shell.app.isPackaged, bindingPath)}\n\n${problem}`,
  );
  shell.app.exit(1);
  return false;
}

function openProblem(bindingPath: string): string | undefined {
  try {
    openDatabase(':memory:', { nativeBinding: bindingPath }).close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** One sentence: what did not load, from where, and the command that fixes it. */
export function bindingFailureMessage(isPackaged: boolean, bindingPath: string): string {
  const what = `better-sqlite3 built for Electron could not be loaded from ${bindingPath}`;
  return isPackaged
    ? `${what}; this copy of Outpost is damaged or was packaged without it, so reinstall Outpost (or, if you packaged it, run \`npm run package\` again on a machine with internet access).`
    : `${what}; run \`npm start\` again with internet access (it fetches or builds that file first), or \`${BINDING_STEP_COMMAND}\` on its own.`;
}
