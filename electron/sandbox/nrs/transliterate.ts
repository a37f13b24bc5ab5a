/** `trans: 1` replacement table, as the seed lists it (003 line 240). */
const TABLE: Record<string, string> = {
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  ç: 'Ç',
  Á: 'A',
  Í: 'I',
  Ó: 'O',
  Ú: 'U',
  À: 'A',
  È: 'E',
  Ì: 'I',
  Ò: 'O',
  Ù: 'U',
  º: '',
  ª: '',
  Õ: 'O',
  õ: 'o',
  â: 'a',
  ê: 'e',
  î: 'i',
  ô: 'o',
  û: 'u',
  Â: 'A',
  Ê: 'E',
  Î: 'I',
  Ô: 'O',
  Û: 'U',
  ã: 'a',
  Ã: 'A',
};

export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) out += TABLE[ch] ?? ch;
  return out;
}
