import { dialog } from 'electron';
import type { CoreContext } from '../core/context';
import { DamagedDatabaseError } from '../core/db/damage';
import { SchemaTooNewError } from '../core/db/migrate';
import { restoreLatest, startEmpty } from '../core/db/restore';

type Answer = 'restore' | 'empty' | 'quit';

/** The native dialog for a damaged database: the sentence, and what the person can do. */
async function askAboutDamage(error: DamagedDatabaseError): Promise<Answer> {
  const choices: { label: string; answer: Answer }[] = [
    ...(error.newestBackup
      ? [{ label: 'Restore the newest backup', answer: 'restore' as const }]
      : []),
    { label: 'Start with an empty database', answer: 'empty' },
    { label: 'Quit', answer: 'quit' },
  ];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Outpost',
    message: error.summary,
    detail: error.newestBackup
      ? `The newest backup is ${error.newestBackup}. The damaged file stays where it was moved.`
      : 'There is no backup to restore. The damaged file stays where it was moved.',
    buttons: choices.map((c) => c.label),
    defaultId: 0,
    cancelId: choices.length - 1,
    noLink: true,
  });
  return choices[response]?.answer ?? 'quit';
}

async function tell(type: 'info' | 'error', message: string): Promise<void> {
  await dialog.showMessageBox({ type, title: 'Outpost', message, buttons: ['OK'] });
}

/**
 * Opens the profile before anything else uses it. A damaged database is
 * answered by the person (restore the newest backup, start empty, or quit);
 * a newer schema is refused, the file left as it is. Returns false when the
 * app should quit. Notices (a tightened folder, a restore done) are shown once.
 */
export async function openProfile(core: CoreContext): Promise<boolean> {
  for (;;) {
    try {
      const notices = await core.open();
      if (notices.length > 0) void tell('info', notices.join('\n'));
      return true;
    } catch (error) {
      if (error instanceof SchemaTooNewError) {
        await tell('error', error.message);
        return false;
      }
      if (!(error instanceof DamagedDatabaseError)) throw error;
      const answer = await askAboutDamage(error);
      if (answer === 'quit') return false;
      try {
        if (answer === 'restore') await restoreLatest(core.dataDir);
        else startEmpty(core.dataDir);
      } catch (failure) {
        await tell('error', failure instanceof Error ? failure.message : String(failure));
      }
    }
  }
}
