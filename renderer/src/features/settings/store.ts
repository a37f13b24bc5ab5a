import { create } from 'zustand';
import { DEFAULT_PREFERENCES } from '../../../../shared/domain/preferences';
import type { ReplyOf } from '../../../../shared/ipc/contract';
import type { Preferences } from '../../../../shared/ipc/schemas/settings';
import { firstAnswerOr } from '../../app/first-answers';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';

type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; problem: Problem };

async function loadable<T>(call: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await call() };
  } catch (error) {
    return { state: 'error', problem: problemFrom(error) };
  }
}

interface SettingsState {
  preferences: Preferences;
  /** False until the saved preferences arrived (the shell renders in the system language meanwhile). */
  loaded: boolean;
  info: Loadable<ReplyOf<'app.info'>>;
  health: Loadable<ReplyOf<'db.health'>>;
  load: () => Promise<void>;
  save: (patch: Partial<Preferences>) => Promise<{ ok: true } | { ok: false; problem: Problem }>;
  /** The About section's figures, asked for when it is shown or on "Refresh". */
  refreshAbout: () => Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  preferences: DEFAULT_PREFERENCES,
  loaded: false,
  info: { state: 'loading' },
  health: { state: 'loading' },
  load: async () => {
    try {
      const preferences = await firstAnswerOr('settings.get', () => outpost().settings.get());
      set({ preferences, loaded: true });
    } catch {
      // Without the core the defaults stand; the views show their own errors.
      set({ loaded: true });
    }
  },
  save: async (patch) => {
    try {
      set({ preferences: await outpost().settings.set(patch) });
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: problemFrom(error) };
    }
  },
  refreshAbout: async () => {
    const api = outpost();
    const [info, health] = await Promise.all([
      loadable(() => api.app.info()),
      loadable(() => api.db.health()),
    ]);
    set({ info, health });
  },
}));
