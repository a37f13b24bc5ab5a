import { create } from 'zustand';
import type { ReplyOf } from '../../../../shared/ipc/contract';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';

export type BackupsList = ReplyOf<'backups.list'>;
export type VaultStatus = ReplyOf<'vault.status'>;
type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; problem: Problem };
type Done<T> = { ok: true; value: T } | { ok: false; problem: Problem };

async function attempt<T>(call: () => Promise<T>): Promise<Done<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, problem: problemFrom(error) };
  }
}

interface DataState {
  backups: Loadable<BackupsList>;
  vault: Loadable<VaultStatus>;
  /** Asked when the Data tab is shown. */
  refresh: () => Promise<void>;
  backUpNow: () => Promise<Done<ReplyOf<'backups.create'>>>;
  restore: (name: string) => Promise<Done<ReplyOf<'backups.restore'>>>;
  chooseVault: (
    choice: { store: 'os' } | { store: 'passphrase-file'; passphrase: string },
  ) => Promise<Done<VaultStatus>>;
}

const asLoadable = <T>(done: Done<T>): Loadable<T> =>
  done.ok ? { state: 'ready', value: done.value } : { state: 'error', problem: done.problem };

export const useData = create<DataState>((set, get) => ({
  backups: { state: 'loading' },
  vault: { state: 'loading' },
  refresh: async () => {
    const api = outpost();
    const [backups, vault] = await Promise.all([
      attempt(() => api.backups.list()),
      attempt(() => api.vault.status()),
    ]);
    set({ backups: asLoadable(backups), vault: asLoadable(vault) });
  },
  backUpNow: async () => {
    const done = await attempt(() => outpost().backups.create());
    if (done.ok) await get().refresh();
    return done;
  },
  restore: async (name) => {
    const done = await attempt(() => outpost().backups.restore({ name }));
    if (done.ok) await get().refresh();
    return done;
  },
  chooseVault: async (choice) => {
    const done = await attempt(() => outpost().vault.choose(choice));
    if (done.ok) set({ vault: { state: 'ready', value: done.value } });
    return done;
  },
}));
