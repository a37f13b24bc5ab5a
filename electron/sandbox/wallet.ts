import { fromMicros, toMicros } from '../../shared/cost/money';

/**
 * The sandbox customer's prepaid balance, in money (EUR), shared by the nrs and
 * action APIs. Each accepted SMS part is charged at its destination's coverage
 * price (nrs/price.ts); a request the balance cannot pay for is refused whole
 * (360nrs 111 "Not enough credits") and charges nothing. Kept in integer
 * micro-euros so a long run of 0.0868 charges never drifts.
 */
export const WALLET_CURRENCY = 'EUR';

export class Wallet {
  private micros = 0;

  constructor(balance: number) {
    this.set(balance);
  }

  /** The balance in EUR. */
  get balance(): number {
    return fromMicros(this.micros);
  }

  set(balance: number): void {
    if (!Number.isFinite(balance) || balance < 0) {
      throw new RangeError(`The sandbox balance must be an amount of at least 0, not ${balance}.`);
    }
    this.micros = toMicros(balance);
  }

  /** Takes `micros` when the balance covers it; otherwise takes nothing and answers false. */
  charge(micros: number): boolean {
    if (micros > this.micros) return false;
    this.micros -= micros;
    return true;
  }

  refund(micros: number): void {
    this.micros += micros;
  }
}
