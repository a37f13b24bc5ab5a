// Scratch microbench (not committed): cost of building positions in three storage forms.
import { fillGraphemeBoundaries } from '../shared/sms/graphemes';
import { countSegments, forcingPositions } from '../shared/sms/counter';

function repeatTo(pattern: string, length: number): string {
  let text = '';
  while (text.length < length) text += pattern;
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
const TEXTS = {
  emoji: repeatTo('Olá 👋 ação 👍🏽 família 👨‍👩‍👧 🇵🇹 1️⃣ ', 1600),
  pt: repeatTo('Informação: a sua encomenda está à espera na loja de Évora. ', 1600),
  hindi: repeatTo('आपका पार्सल तैयार है, कृपया दुकान से ले जाएँ। ', 1600),
};
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
function per(run: () => unknown): number {
  for (let i = 0; i < 2000; i++) run();
  const best: number[] = [];
  for (let r = 0; r < 7; r++) {
    const s = cpu(); let n = 0;
    while (cpu() - s < 40000) { for (let i = 0; i < 50; i++) run(); n += 50; }
    best.push((cpu() - s) / n);
  }
  best.sort((a, b) => a - b);
  return best[3] as number;
}
function countMarked(marks: Uint8Array, count: number) { let m = 0; for (let k = 0; k < count; k++) m += marks[k] as number; return m; }
for (const [name, text] of Object.entries(TEXTS)) {
  const bounds = new Int32Array(2 * text.length + 1), marks = new Uint8Array(2 * text.length + 1);
  const count = fillGraphemeBoundaries(text, bounds, marks, null);
  const build32 = () => { const e = new Uint32Array(2 * countMarked(marks, count)); let j = 0; for (let k = 0; k < count; k++) { if (marks[k] === 0) continue; e[j] = bounds[k] as number; e[j + 1] = bounds[k + 1] as number; j += 2; } return e; };
  const build16 = () => { const e = new Uint16Array(2 * countMarked(marks, count)); let j = 0; for (let k = 0; k < count; k++) { if (marks[k] === 0) continue; e[j] = bounds[k] as number; e[j + 1] = bounds[k + 1] as number; j += 2; } return e; };
  const buildArr = () => { const e = new Array<number>(2 * countMarked(marks, count)); let j = 0; for (let k = 0; k < count; k++) { if (marks[k] === 0) continue; e[j] = bounds[k] as number; e[j + 1] = bounds[k + 1] as number; j += 2; } return e; };
  const countOnly = () => countSegments(text).segments;
  const withPos = () => { const r = countSegments(text); const p = forcingPositions(r); let s = 0; for (let i = 0; i < p.size; i++) s += p.index(i) + p.length(i); return s; };
  console.log(name, 'clusters', count, 'marked', countMarked(marks, count),
    'u32', per(build32).toFixed(2), 'u16', per(build16).toFixed(2), 'arr', per(buildArr).toFixed(2),
    'count', per(countOnly).toFixed(2), 'count+pos', per(withPos).toFixed(2), 'load', require('node:fs').readFileSync('/proc/loadavg','utf8').split(' ')[0]);
}
