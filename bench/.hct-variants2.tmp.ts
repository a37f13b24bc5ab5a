// Scratch microbench (not committed): where building positions spends its time.
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
function countMarkedWords(marks: Uint8Array, count: number): number {
  const whole = count >> 2;
  const words = new Int32Array(marks.buffer, marks.byteOffset, whole);
  let marked = 0;
  for (let w = 0; w < whole; w++) marked += Math.imul((words[w] as number) & 0x01010101, 0x01010101) >>> 24;
  for (let k = whole << 2; k < count; k++) marked += marks[k] as number;
  return marked;
}
function branchless(bounds: Int32Array, count: number, marks: Uint8Array, marked: number): Uint32Array {
  const e = new Uint32Array(2 * marked + 2);
  let j = 0;
  for (let k = 0; k < count; k++) {
    e[j] = bounds[k] as number;
    e[j + 1] = bounds[k + 1] as number;
    j += (marks[k] as number) << 1;
  }
  return e;
}
function branchy(bounds: Int32Array, count: number, marks: Uint8Array, marked: number): Uint32Array {
  const e = new Uint32Array(2 * marked);
  let j = 0;
  for (let k = 0; k < count; k++) {
    if (marks[k] === 0) continue;
    e[j] = bounds[k] as number;
    e[j + 1] = bounds[k + 1] as number;
    j += 2;
  }
  return e;
}
const out: string[] = [];
for (const [name, text] of Object.entries(TEXTS)) {
  const bounds = new Int32Array(2 * text.length + 1), marks = new Uint8Array(2 * text.length + 1);
  const count = fillGraphemeBoundaries(text, bounds, marks, null);
  const marked = countMarkedWords(marks, count);
  out.push([name, `clusters ${count} marked ${marked}`,
    `markedPositions ${per(() => markedPositions(text, bounds, count, marks)).toFixed(2)}`,
    `countMarked ${per(() => countMarkedWords(marks, count)).toFixed(2)}`,
    `alloc ${per(() => new Uint32Array(2 * marked)).toFixed(2)}`,
    `branchy ${per(() => branchy(bounds, count, marks, marked)).toFixed(2)}`,
    `branchless ${per(() => branchless(bounds, count, marks, marked)).toFixed(2)}`,
    `walk ${per(() => fillGraphemeBoundaries(text, bounds, marks, null)).toFixed(2)}`,
    `load ${require('node:fs').readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`].join(' | '));
}
console.log(out.join('\n'));
