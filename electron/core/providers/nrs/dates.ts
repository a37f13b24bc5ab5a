/** ISO instant → 360nrs `YYYYmmddHHiiss` in UTC (seed 003 line 225). */
export function toNrsDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${iso}`);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    p(d.getUTCFullYear(), 4) +
    p(d.getUTCMonth() + 1) +
    p(d.getUTCDate()) +
    p(d.getUTCHours()) +
    p(d.getUTCMinutes()) +
    p(d.getUTCSeconds())
  );
}

/**
 * 360nrs shows dates as ISO 8601 with offset in most places but as
 * `YYYY-MM-DD HH:MM:SS` in scheduled messages (seed line 2485, no zone given;
 * read as UTC like every other date of the API). Anything else passes through.
 */
export function fromNrsDate(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value);
  return m ? `${m[1]}T${m[2]}Z` : value;
}
