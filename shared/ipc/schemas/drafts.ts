import { z } from 'zod';

/** One chip of the recipients field, as a draft keeps it (labels so it reads the same after a restart). */
export const DraftChip = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contact'),
    id: z.number().int().positive(),
    label: z.string().max(200),
  }),
  z.object({
    kind: z.literal('book'),
    id: z.number().int().positive(),
    label: z.string().max(200),
    count: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('tag'),
    name: z.string().min(1).max(120),
    count: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal('number'), input: z.string().max(64) }),
]);
export type DraftChip = z.infer<typeof DraftChip>;

/** Everything beside the text that a draft brings back. */
export const DraftState = z.object({
  accountId: z.number().int().positive().nullable().default(null),
  chips: z.array(DraftChip).max(20_000).default([]),
  from: z.string().max(32).nullable().default(null),
  encoding: z.enum(['auto', 'gsm', 'gsm-pt', 'ucs2']).default('auto'),
  /** The send time as the datetime field holds it ('' = now). */
  at: z.string().max(40).default(''),
  validFor: z.string().max(16).default(''),
  marketing: z.boolean().default(false),
});
export type DraftState = z.infer<typeof DraftState>;

export const DraftView = z.object({
  id: z.number().int(),
  name: z.string(),
  body: z.string(),
  state: DraftState,
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const DraftsListReply = z.array(DraftView);
export const DraftSaveRequest = z
  .object({
    /** Absent: a new draft. An id also brings back a draft deleted a moment ago (Undo). */
    id: z.number().int().positive().optional(),
    body: z.string().max(10_000),
    state: DraftState,
    createdAt: z.number().int().nonnegative().optional(),
  })
  .strict();
export const DraftRemoveRequest = z.object({ id: z.number().int().positive() }).strict();
export const DraftRemoveReply = z.object({ removed: DraftView.nullable() });
