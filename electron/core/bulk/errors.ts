/**
 * The file as a whole cannot be imported (empty, binary, too big, broken
 * quoting, wrong encoding). The message is one sentence that names the row
 * when there is one; nothing of the file has been queued.
 */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly row: number | null = null,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

/** The options do not fit the file (an unknown column, a template field the file lacks). */
export class BulkOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkOptionError';
  }
}

/** The file was read but no row of it can be sent, so no job was created. */
export class NothingToQueueError extends Error {
  constructor() {
    super('No row of the file can be sent, so nothing was queued.');
    this.name = 'NothingToQueueError';
  }
}
