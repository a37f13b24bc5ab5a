import type { z } from 'zod';
import { create } from 'zustand';
import type { ReportsSummaryReply } from '../../../../shared/ipc/schemas/reports';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';

export type Summary = Extract<z.infer<typeof ReportsSummaryReply>, { ok: true }>;
export type Range = 7 | 30 | 90;
export type Bucket = 'day' | 'week';

/** A kept price list older than this is read again when the view opens (if the network allows). */
const PRICES_STALE_MS = 24 * 60 * 60 * 1000;

interface ReportsState {
  accountId: number | null;
  range: Range;
  bucket: Bucket;
  summary: Summary | null;
  /** The core's sentence when the figures could not be read. */
  error: string | null;
  /** Why the price list could not be read just now (offline, say); spend then uses the kept one. */
  pricesProblem: string | null;
  watching: boolean;
  choose: (patch: Partial<Pick<ReportsState, 'accountId' | 'range' | 'bucket'>>) => void;
  /** The view opened: the figures, then a fresh price list if the kept one is old or missing. */
  load: () => Promise<void>;
  /** Pushed changes (sends, delivery reports): the figures again, once per burst. */
  refreshIfWatched: () => void;
  stopWatching: () => void;
}

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const useReports = create<ReportsState>((set, get) => {
  const fetchSummary = coalesce(async () => {
    const { accountId, range, bucket } = get();
    if (accountId === null) return;
    const reply = await outpost().reports.summary({
      accountId,
      days: range,
      bucket,
      timeZone: timeZone(),
    });
    // The person may have chosen another account meanwhile: that answer is the one to keep.
    if (get().accountId !== accountId) return;
    if (reply.ok) set({ summary: reply, error: null });
    else set({ summary: null, error: reply.message });
  });
  const refreshPricesIfStale = async () => {
    const { summary, accountId } = get();
    if (!summary || accountId === null || !summary.pricesAvailable) return;
    if (summary.prices && Date.now() - summary.prices.readAt < PRICES_STALE_MS) return;
    const reply = await outpost().reports.refreshPrices({ accountId });
    set({ pricesProblem: reply.ok ? null : reply.message });
    if (reply.ok) await fetchSummary();
  };
  return {
    accountId: null,
    range: 30,
    bucket: 'day',
    summary: null,
    error: null,
    pricesProblem: null,
    watching: false,
    choose: (patch) => {
      const accountChanged = patch.accountId !== undefined && patch.accountId !== get().accountId;
      set({ ...patch, ...(accountChanged ? { summary: null, pricesProblem: null } : {}) });
      void fetchSummary().then(accountChanged ? refreshPricesIfStale : undefined);
    },
    load: async () => {
      set({ watching: true });
      await fetchSummary();
      await refreshPricesIfStale();
    },
    refreshIfWatched: () => {
      if (get().watching) void fetchSummary();
    },
    stopWatching: () => set({ watching: false }),
  };
});

/** Delivered over delivered + not delivered, or null when nothing has a final outcome yet. */
export function deliveryRate(c: { delivered: number; failed: number }): number | null {
  const final = c.delivered + c.failed;
  return final === 0 ? null : c.delivered / final;
}
