import type { Clock } from './clock';
import type { Ledger } from './ledger';
import type { Rng } from './prng';
import type { Wallet } from './wallet';

export type FinalStatus = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD';

export interface DeliveryTiming {
  /** After acceptance (or the scheduled date), the message is `sent` this much later. */
  sentAfterMs: number;
  /** …and reaches its final state this much after acceptance (or the scheduled date). */
  finalAfterMs: number;
  /** Relative weights of the final states; default all DELIVRD. */
  outcomes?: Partial<Record<FinalStatus, number>>;
}

/** State every API module of one sandbox shares. */
export interface SandboxContext {
  clock: Clock;
  /** Draws for data (ids, delivery outcomes, replies), separate from fault draws. */
  rng: Rng;
  ledger: Ledger;
  wallet: Wallet;
  delivery: DeliveryTiming;
}

export function drawOutcome(ctx: SandboxContext): FinalStatus {
  return outcomeDrawer(ctx)();
}

/**
 * Draws final states for many messages with the weights read once (a send draws one
 * per recipient). Each call draws once from the context's generator, like drawOutcome.
 */
export function outcomeDrawer(ctx: SandboxContext): () => FinalStatus {
  const weights = ctx.delivery.outcomes ?? { DELIVRD: 1 };
  const entries = Object.entries(weights).filter(([, w]) => (w ?? 0) > 0) as [
    FinalStatus,
    number,
  ][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return () => {
    // Always draw, so the sequence of later draws does not depend on the weights given.
    let roll = ctx.rng.next() * total;
    for (const [status, weight] of entries) {
      roll -= weight;
      if (roll < 0) return status;
    }
    return 'DELIVRD';
  };
}
