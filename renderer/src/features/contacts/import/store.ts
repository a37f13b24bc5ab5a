import { create } from 'zustand';
import type { ReplyOf } from '../../../../../shared/ipc/contract';
import type { EventPayload } from '../../../../../shared/ipc/events';
import { downloadStaged } from '../../../lib/download';
import { outpost } from '../../../lib/outpost';
import { discardStagedFile, type StagedFileRef, stageFile } from '../../../lib/stage-file';
import type { Sniff } from '../../bulk/store';
import type { Abilities, Groups } from '../store';
import {
  type BookPick,
  bookRequest,
  type ColumnChoice,
  columnsRequest,
  initialBook,
  initialColumns,
} from './columns';

export type ImportReport = Extract<ReplyOf<'contactsImport.check'>, { ok: true }>['report'];
export type ImportResult = Extract<ReplyOf<'contactsImport.run'>, { ok: true }>;
type Encoding = NonNullable<Parameters<ReturnType<typeof outpost>['bulk']['sniff']>[0]['encoding']>;
type Delimiter = NonNullable<
  Parameters<ReturnType<typeof outpost>['bulk']['sniff']>[0]['delimiter']
>;

export type ImportStep = 'file' | 'columns' | 'report' | 'done';

/** How many contacts Import writes: new, updated, and (when asked) those that only join the book or tag. */
export function importTotal(report: ImportReport, addExisting: boolean): number {
  return report.add + report.update + (addExisting ? report.joinOnly : 0);
}

interface ImportState {
  isOpen: boolean;
  step: ImportStep;
  accountId: number | null;
  abilities: Abilities | null;
  file: StagedFileRef | null;
  upload: { sent: number; size: number } | null;
  sniff: Sniff | null;
  overrides: { encoding?: Encoding; delimiter?: Delimiter; header?: boolean };
  columns: ColumnChoice | null;
  book: BookPick;
  country: string;
  /** Also put the contacts already here into the book (or give them the tag), as the report offers. */
  addExisting: boolean;
  /** Work in main: the check or the write, with its run id and last progress. */
  busy: { phase: 'checking' | 'importing'; runId: string; done: number; total: number } | null;
  runId: string | null;
  report: ImportReport | null;
  result: ImportResult | null;
  /** A sentence from main (or a cancel), shown on the step it belongs to. */
  problem: string | null;
  /** The app menu's "Import contacts…" asked for the dialog; the Contacts view opens it once its account is loaded. */
  requested: boolean;
  request: () => void;
  /** Whether a request was waiting; it is cleared, so it opens the dialog once. */
  takeRequest: () => boolean;
  open: (accountId: number, abilities: Abilities, groups: Groups | null, country: string) => void;
  close: () => void;
  chooseFile: (file: File) => Promise<void>;
  setEncoding: (encoding: Encoding) => Promise<void>;
  setDelimiter: (delimiter: Delimiter) => Promise<void>;
  setHeader: (present: boolean) => Promise<void>;
  setColumns: (columns: ColumnChoice) => void;
  setBook: (book: BookPick) => void;
  setCountry: (country: string) => void;
  setAddExisting: (add: boolean) => void;
  goTo: (step: ImportStep) => void;
  check: () => Promise<void>;
  run: () => Promise<void>;
  cancel: () => Promise<void>;
  downloadSkipped: () => Promise<void>;
  applyProgress: (event: EventPayload<'contactsImport.progress'>) => void;
}

const CLOSED = {
  isOpen: false,
  step: 'file' as ImportStep,
  accountId: null,
  abilities: null,
  file: null,
  upload: null,
  sniff: null,
  overrides: {},
  columns: null,
  book: { kind: 'none' } as BookPick,
  country: 'ES',
  addExisting: true,
  busy: null,
  runId: null,
  report: null,
  result: null,
  problem: null,
};

/**
 * The "Import contacts" dialog: the file (staged in main), what was detected,
 * the columns and the book, the check of every row (nothing written), then
 * the import with progress and Cancel, and its summary. Progress is pushed
 * (`contactsImport.progress`) and kept here, not in a component.
 */
export const useContactsImport = create<ImportState>((set, get) => {
  const sniff = async () => {
    const { file, overrides, abilities } = get();
    if (!file || !abilities) return;
    const reply = await outpost().bulk.sniff({ file: file.token, ...overrides });
    if (reply.ok) set({ sniff: reply, problem: null, columns: initialColumns(reply, abilities) });
    else set({ sniff: null, problem: reply.message });
  };
  const resniff = async (overrides: ImportState['overrides']) => {
    set({ overrides: { ...get().overrides, ...overrides }, report: null });
    await sniff();
  };
  return {
    ...CLOSED,
    requested: false,
    request: () => set({ requested: true }),
    takeRequest: () => {
      const { requested } = get();
      if (requested) set({ requested: false });
      return requested;
    },
    open: (accountId, abilities, groups, country) => {
      const { file } = get();
      if (file) void discardStagedFile(file.token);
      set({
        ...CLOSED,
        isOpen: true,
        accountId,
        abilities,
        country,
        book: initialBook(abilities, groups),
      });
    },
    close: () => {
      const { file, busy } = get();
      if (busy) return;
      if (file) void discardStagedFile(file.token);
      set({ ...CLOSED });
    },
    chooseFile: async (chosen) => {
      const { file: old } = get();
      if (old) void discardStagedFile(old.token);
      set({
        file: null,
        sniff: null,
        report: null,
        problem: null,
        overrides: {},
        upload: { sent: 0, size: chosen.size },
      });
      try {
        const file = await stageFile(chosen, {
          onProgress: (sent, size) => set({ upload: { sent, size } }),
        });
        set({ file, upload: null });
        await sniff();
      } catch (error) {
        set({ upload: null, problem: error instanceof Error ? error.message : String(error) });
      }
    },
    setEncoding: (encoding) => resniff({ encoding }),
    setDelimiter: (delimiter) => resniff({ delimiter }),
    setHeader: (header) => resniff({ header }),
    setColumns: (columns) => set({ columns, report: null }),
    setBook: (book) => set({ book, report: null }),
    setCountry: (country) => set({ country, report: null }),
    setAddExisting: (addExisting) => set({ addExisting }),
    goTo: (step) => set({ step, problem: null }),
    check: async () => {
      const { file, accountId, columns, book, country, overrides, busy } = get();
      const cols = columns ? columnsRequest(columns) : null;
      const target = bookRequest(book);
      if (busy || !file || accountId === null || !cols || !target) return;
      const runId = crypto.randomUUID();
      set({
        busy: { phase: 'checking', runId, done: 0, total: file.size },
        problem: null,
        report: null,
      });
      try {
        const reply = await outpost().contactsImport.check({
          runId,
          accountId,
          file: file.token,
          ...overrides,
          defaultCountry: country,
          columns: cols,
          book: target,
        });
        if (reply.ok) set({ report: reply.report, runId, step: 'report', addExisting: true });
        else set({ problem: reply.message });
      } finally {
        set({ busy: null });
      }
    },
    run: async () => {
      const { runId, report, busy, addExisting } = get();
      if (busy || !runId || !report) return;
      set({ busy: { phase: 'importing', runId, done: 0, total: report.add }, problem: null });
      try {
        const reply = await outpost().contactsImport.run({
          runId,
          addExisting: addExisting && report.joinable > 0,
        });
        if (reply.ok) set({ result: reply, step: 'done' });
        else set({ problem: reply.message });
      } finally {
        set({ busy: null });
      }
    },
    cancel: async () => {
      const { busy } = get();
      if (busy) await outpost().contactsImport.cancel({ runId: busy.runId });
    },
    downloadSkipped: async () => {
      const { runId } = get();
      if (!runId) return;
      const reply = await outpost().contactsImport.skipped({ runId });
      if (!reply.ok) {
        set({ problem: reply.message });
        return;
      }
      await downloadStaged(reply.token, reply.name);
    },
    applyProgress: (event) => {
      const { busy } = get();
      if (!busy || busy.runId !== event.runId || busy.phase !== event.phase) return;
      set({ busy: { ...busy, done: event.done, total: event.total } });
    },
  };
});
