import { z } from 'zod';
import { STAGE_CHUNK_BYTES } from '../staging-limits';

/**
 * Getting a person's file into the main process without a file path (a browser
 * page has none): the renderer reads the File and sends it in chunks; main
 * writes it to a private temp file in the profile and hands back an opaque
 * token that later channels (bulk analysis, contacts import) accept instead
 * of a path.
 */

export { STAGE_CHUNK_BYTES, STAGE_MAX_BYTES } from '../staging-limits';

/** 32 hex digits, made by main; nothing else is accepted as a staged file. */
export const StagedFileToken = z.string().regex(/^[0-9a-f]{32}$/, 'not a staged-file token');

/**
 * One chunk. The first (offset 0) comes without `token` and opens a staged
 * file of `size` bytes; the rest carry its token, in order (offset = bytes
 * received so far). The chunk that reaches `size` completes the file.
 */
export const FilesStageRequest = z
  .object({
    token: StagedFileToken.optional(),
    /** The file's own name, shown back to the person (no path). */
    name: z.string().min(1).max(255),
    /** Bounded by main (STAGE_MAX_BYTES), which names the file in its refusal. */
    size: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    /** base64 of at most STAGE_CHUNK_BYTES bytes. */
    data: z.string().max(Math.ceil(STAGE_CHUNK_BYTES / 3) * 4),
  })
  .strict();

export const FilesStageReply = z.object({
  token: StagedFileToken,
  received: z.number().int().nonnegative(),
  complete: z.boolean(),
});

export const FilesDiscardRequest = z.object({ token: StagedFileToken }).strict();
export const FilesDiscardReply = z.object({
  /** False when there was nothing to discard (already discarded, used or expired). */
  discarded: z.boolean(),
});

/** Reads a staged download (a CSV main wrote: rejected rows, a job's results) a chunk at a time. */
export const FilesReadRequest = z
  .object({ token: StagedFileToken, offset: z.number().int().nonnegative() })
  .strict();
export const FilesReadReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** base64 of at most STAGE_CHUNK_BYTES bytes. */
    data: z.string(),
    /** True when this chunk reaches the end of the file. */
    done: z.boolean(),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
