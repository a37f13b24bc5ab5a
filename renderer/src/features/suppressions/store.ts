import type { z } from 'zod';
import { create } from 'zustand';
import type { SuppressionEntry } from '../../../../shared/ipc/schemas/suppressions';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';

export type Suppression = z.infer<typeof SuppressionEntry>;

interface SuppressionsState {
  entries: Suppression[];
  loaded: boolean;
  watching: boolean;
  busy: boolean;
  problem: Problem | null;
  /** What the last add or remove did, for the status line. */
  done: { kind: 'added' | 'removed'; phone: string } | null;
  load: () => Promise<void>;
  refreshIfWatched: () => void;
  stopWatching: () => void;
  add: (phone: string, reason: string, defaultCountry: string) => Promise<boolean>;
  remove: (entry: Suppression) => Promise<void>;
}

/** The numbers never sent to, on every account; changes go to the provider's blacklist too. */
export const useSuppressions = create<SuppressionsState>((set, get) => {
  const fetch = coalesce(async () => {
    const entries = await outpost().suppressions.list({});
    set({ entries, loaded: true });
  });
  return {
    entries: [],
    loaded: false,
    watching: false,
    busy: false,
    problem: null,
    done: null,
    load: async () => {
      set({ watching: true });
      await fetch();
    },
    refreshIfWatched: () => {
      if (get().watching) void fetch();
    },
    stopWatching: () => set({ watching: false }),
    add: async (phone, reason, defaultCountry) => {
      set({ busy: true, problem: null, done: null });
      try {
        const reply = await outpost().suppressions.add({
          phone,
          defaultCountry,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
        if (!reply.ok) {
          set({ problem: { sentence: reply.message } });
          return false;
        }
        set({ done: { kind: 'added', phone: reply.phone } });
        await fetch();
        return true;
      } catch (error) {
        set({ problem: problemFrom(error) });
        return false;
      } finally {
        set({ busy: false });
      }
    },
    remove: async (entry) => {
      set({ busy: true, problem: null, done: null });
      try {
        const reply = await outpost().suppressions.remove({
          phone: `+${entry.phone}`,
          accountId: entry.accountId,
        });
        if (!reply.ok) set({ problem: { sentence: reply.message } });
        else set({ done: { kind: 'removed', phone: reply.phone } });
        await fetch();
      } catch (error) {
        set({ problem: problemFrom(error) });
      } finally {
        set({ busy: false });
      }
    },
  };
});

/** Digits match the number; anything else the reason or its detail. */
export function filterSuppressions(entries: readonly Suppression[], query: string): Suppression[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...entries];
  const digits = q.replace(/\D/g, '');
  return entries.filter(
    (e) =>
      (digits !== '' && e.phone.includes(digits)) ||
      (/[a-z]/i.test(q) && `${e.detail} ${e.account}`.toLowerCase().includes(q)),
  );
}
