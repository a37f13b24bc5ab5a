import { STAGE_CHUNK_BYTES } from '../../../shared/ipc/staging-limits';
import { outpost } from './outpost';

/** A file handed to the main process: later channels take its token, never a path. */
export interface StagedFileRef {
  token: string;
  name: string;
  size: number;
}

export interface StageOptions {
  /** Bytes sent so far and the file's size, after each chunk. */
  onProgress?: (sent: number, size: number) => void;
  /** Aborting stops the upload and discards what main already has. */
  signal?: AbortSignal;
}

/** base64 without building one huge string argument (apply has an argument limit). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/**
 * Sends a File chosen in a file input or dropped on the page to main, one
 * chunk at a time (the same way in Electron and in `npm run web`, where the
 * page has no file path), and returns its token. A failure or an abort
 * discards the partial copy, so nothing is left behind.
 */
export async function stageFile(file: File, options: StageOptions = {}): Promise<StagedFileRef> {
  const api = outpost();
  let token: string | undefined;
  try {
    let offset = 0;
    do {
      options.signal?.throwIfAborted();
      const bytes = new Uint8Array(
        await file.slice(offset, offset + STAGE_CHUNK_BYTES).arrayBuffer(),
      );
      const reply = await api.files.stage({
        ...(token ? { token } : {}),
        name: file.name,
        size: file.size,
        offset,
        data: toBase64(bytes),
      });
      token = reply.token;
      offset = reply.received;
      options.onProgress?.(offset, file.size);
      if (reply.complete) return { token: reply.token, name: file.name, size: file.size };
    } while (offset < file.size);
    throw new Error(`“${file.name}” changed while it was being read; choose it again.`);
  } catch (error) {
    if (token) await api.files.discard({ token }).catch(() => undefined);
    throw error;
  }
}

/** Lets main delete a staged file the person no longer needs (Cancel, a new file chosen). */
export async function discardStagedFile(token: string): Promise<void> {
  await outpost()
    .files.discard({ token })
    .catch(() => undefined);
}
