// Public shortener domains (seed line 10127 names bit.ly and tinyurl "such as").
// Custom domains on these services are allowed, and so is 360nrs' own sms.tl,
// so only the shared public domains are listed.
export const PUBLIC_URL_SHORTENERS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'tiny.cc',
  'tiny.one',
  'goo.gl',
  'ow.ly',
  't.co',
  't.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  's.id',
  'bl.ink',
  'short.gy',
  'lnkd.in',
  'trib.al',
  'adf.ly',
  'shorte.st',
  'clck.ru',
  'tr.im',
  'qrco.de',
];

const HOST =
  /(?:^|[^\w.-])(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/?#\s]|[.,;:!)]?(?:\s|$)|$)/gi;

/** The public shortener domains the text links to, in order of appearance. */
export function findPublicShorteners(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(HOST)) {
    const host = (m[1] ?? '').toLowerCase().replace(/^www\./, '');
    if (PUBLIC_URL_SHORTENERS.includes(host) && !found.includes(host)) found.push(host);
  }
  return found;
}
