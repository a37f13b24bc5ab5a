// Scratch microbench (not committed): the filter loop into a preallocated buffer.
import { fillGraphemeBoundaries } from '../shared/sms/graphemes';
import { markedPositions } from '../shared/sms/forcing-positions';

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
  for (let i = 0; i < 3000; i++) run();
  const xs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const s = cpu(); let n = 0;
    while (cpu() - s < 30000) { for (let i = 0; i < 100; i++) run(); n += 100; }
    xs.push((cpu() - s) / n);
  }
  xs.sort((a, b) => a - b);
  return xs[3] as number;
}
const buf = new Uint32Array(8000);
function branchy(bounds: Int32Array, count: number, marks: Uint8Array): number {
  const e = buf; let j = 0;
  for (let k = 0; k < count; k++) {
    if (marks[k] === 0) continue;
    e[j] = bounds[k] as number; e[j + 1] = bounds[k + 1] as number; j += 2;
  }
  return j;
}
function branchless(bounds: Int32Array, count: number, marks: Uint8Array): number {
  const e = buf; let j = 0;
  for (let k = 0; k < count; k++) {
    e[j] = bounds[k] as number; e[j + 1] = bounds[k + 1] as number; j += (marks[k] as number) << 1;
  }
  return j;
}
function startsOnly(bounds: Int32Array, count: number, marks: Uint8Array): number {
  // starts in one half, cluster index k kept: end = bounds copy? (not usable later) -- measures store count effect
  const e = buf; let j = 0;
  for (let k = 0; k < count; k++) { e[j] = k; j += marks[k] as number; }
  return j;
}
function readBack(n: number): number { let s = 0; for (let i = 0; i < n; i += 2) s += (buf[i] as number) + ((buf[i + 1] as number) - (buf[i] as number)); return s; }
const out: string[] = [];
for (const [name, text] of Object.entries(TEXTS)) {
  const bounds = new Int32Array(2 * text.length + 1), marks = new Uint8Array(2 * text.length + 1);
  const count = fillGraphemeBoundaries(text, bounds, marks, null);
  out.push([name,
    `markedPositions ${per(() => markedPositions(text, bounds, count, marks)).toFixed(2)}`,
    `mp+read ${per(() => { const p = markedPositions(text, bounds, count, marks); let s = 0; for (let i = 0; i < p.size; i++) s += p.index(i) + p.length(i); return s; }).toFixed(2)}`,
    `branchy ${per(() => branchy(bounds, count, marks)).toFixed(2)}`,
    `branchless ${per(() => branchless(bounds, count, marks)).toFixed(2)}`,
    `idx-only ${per(() => startsOnly(bounds, count, marks)).toFixed(2)}`,
    `readBack ${per(() => readBack(branchy(bounds, count, marks))).toFixed(2)}`,
    `load ${require('node:fs').readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`].join(' | '));
}
console.log(out.join('\n'));
