import { outpost } from './outpost';

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file main prepared (rejected rows, a job's results) through the
 * page's own download, the same in Electron and in a browser: its chunks are
 * read with `files.read`, joined in a Blob and offered under its name; main's
 * copy is discarded afterwards either way.
 */
export async function downloadStaged(token: string, name: string): Promise<void> {
  const api = outpost();
  try {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let offset = 0;
    for (;;) {
      const reply = await api.files.read({ token, offset });
      if (!reply.ok) throw new Error(reply.message);
      const bytes = fromBase64(reply.data);
      parts.push(bytes);
      offset += bytes.length;
      if (reply.done) break;
    }
    const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // The click has started the download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  } finally {
    await api.files.discard({ token }).catch(() => undefined);
  }
}
