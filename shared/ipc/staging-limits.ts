/**
 * The sizes of a staged file upload (schemas/files.ts), apart from its zod
 * schemas: the renderer's uploader needs the chunk size, and importing the
 * schemas would bring zod into the renderer's bundle for one number.
 */

/** Bytes per chunk the renderer sends (raw, before base64). */
export const STAGE_CHUNK_BYTES = 1024 * 1024;
/** The largest staged file (bytes): the bulk importer's own limit. */
export const STAGE_MAX_BYTES = 100 * 1024 * 1024;
