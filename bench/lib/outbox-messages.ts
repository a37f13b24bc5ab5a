import type { NewMessage } from '../../electron/core/outbox/enqueue';

/**
 * The outbox benches' send: one template with two merge fields, a Spanish
 * mobile per row in order (numbers no other bench row uses), UCS-2 text.
 */
export function benchMessages(accountId: number, count: number): NewMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId,
    recipient: `346${String(10_000_000 + i).padStart(8, '0')}`,
    sender: 'OUTPOST',
    template: 'Hola {name}, tu pedido {order} está listo.',
    fields: { name: `Cliente ${i}`, order: String(100_000 + i) },
    body: `Hola Cliente ${i}, tu pedido ${100_000 + i} está listo.`,
    encoding: 'ucs2',
    segments: 1,
    maxParts: 2,
  }));
}
