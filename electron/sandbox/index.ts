import { fromMicros } from '../../shared/cost/money';
import { createActionApi } from './action/api';
import { ActionStore } from './action/store';
import { createAddressBookApi } from './addressbook/api';
import { AddressBookStore } from './addressbook/store';
import { mergeCredentials, normaliseIp, type SandboxCredentials } from './auth';
import { type Clock, systemClock } from './clock';
import type { DeliveryTiming, FinalStatus, SandboxContext } from './context';
import { loadDemoData } from './demo-data';
import { type FaultSpec, normaliseFaults } from './faults';
import { Ledger, type LedgerEntry } from './ledger';
import { createNrsApi } from './nrs/api';
import { partPriceMicros } from './nrs/price';
import { NrsStore } from './nrs/store';
import { addInbound } from './nrs/whatsapp';
import { createRng } from './prng';
import { listen } from './server';
import { createTagsApi } from './tags/api';
import { TagsStore } from './tags/store';
import { Wallet } from './wallet';

export type { SandboxCredentials } from './auth';
export { type Clock, createManualClock, type ManualClock } from './clock';
export { type FaultSpec, parseFaultSpec } from './faults';
export type { LedgerEntry } from './ledger';

export interface SandboxOptions {
  /** Loopback only; default '127.0.0.1'. A client may still bind localAddress 127.0.0.2. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Checked against the socket's source address (nrs only: the other seeds have no IP lock). Default ['127.0.0.1']. */
  allowIps?: string[];
  /**
   * The account's credit: its balance in EUR, charged per part at the destination's
   * coverage price (0.045 for Spain). Default 10 000.
   */
  credits?: number;
  faults?: FaultSpec | string;
  /** Makes fault draws, ids, delivery outcomes and demo data deterministic. Default 1. */
  seed?: number;
  delivery?: {
    sentAfterMs: number;
    finalAfterMs: number;
    outcomes?: Partial<Record<FinalStatus, number>>;
  };
  /** Default true. */
  demoData?: boolean;
  credentials?: Partial<SandboxCredentials>;
  /** Time source for delivery states and replies; default the system clock. */
  clock?: Clock;
  /** 360nrs SMS senders that are not verified: sends from them answer 115. Default none. */
  unverifiedSenders?: string[];
}

/** Exactly the content of DESIGN.md's `outpost sandbox --json` first line. */
export interface SandboxApis {
  nrs: { baseUrl: string; username: string; password: string };
  action: { baseUrl: string; secretKey: string };
  addressbook: { baseUrl: string; token: string };
  tags: { baseUrl: string; apiKey: string };
}

export interface SandboxHandle {
  apis: SandboxApis;
  port: number;
  /** Every recipient accepted, with how many times (times > 1 = a duplicate send). */
  ledger(): LedgerEntry[];
  setFaults(f: FaultSpec | string | null): void;
  setAllowIps(ips: string[]): void;
  /** Sets the balance (EUR). */
  setCredits(n: number): void;
  /** Replaces the 360nrs senders that answer 115 (not verified). */
  setUnverifiedSenders(senders: string[]): void;
  /** The balance left (EUR). */
  balance(): number;
  /** What one SMS part to this number costs (EUR): its country's coverage price. */
  partPrice(to: string): number;
  /** Requests received (faulted ones included); `pathPrefix` is matched against e.g. '/nrs/api/rest/sms'. */
  requestCount(filter?: { method?: string; pathPrefix?: string }): number;
  /** An inbound WhatsApp reply: `from` is the person, `to` the business number; `at` (ms) in the past for history. */
  addInboundWhatsApp(from: string, to: string, text: string, at?: number): void;
  close(): Promise<void>;
}

export const DEFAULT_DELIVERY: DeliveryTiming = { sentAfterMs: 2_000, finalAfterMs: 8_000 };
export const DEFAULT_CREDITS = 10_000;
export const DEFAULT_SEED = 1;
/** The app's embedded Sandbox (Electron and `npm run web`): deliveries show within seconds. */
export const EMBEDDED_SANDBOX_OPTIONS: SandboxOptions = {
  delivery: { sentAfterMs: 1_000, finalAfterMs: 4_000 },
};

/** The simulator is for this machine only: it listens on loopback addresses, never on a network. */
function loopbackHost(host: string): string {
  if (/^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === 'localhost') return host;
  throw new Error(`The sandbox listens on loopback only (127.0.0.1 or ::1), not on ${host}.`);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const host = loopbackHost(opts.host ?? '127.0.0.1');
  const seed = opts.seed ?? DEFAULT_SEED;
  const credentials = mergeCredentials(opts.credentials);
  const ctx: SandboxContext = {
    clock: opts.clock ?? systemClock,
    rng: createRng(seed ^ 0x5eed5eed),
    ledger: new Ledger(),
    wallet: new Wallet(opts.credits ?? DEFAULT_CREDITS),
    delivery: opts.delivery ?? DEFAULT_DELIVERY,
  };
  let faults = normaliseFaults(opts.faults);
  let allowIps = new Set((opts.allowIps ?? ['127.0.0.1']).map(normaliseIp));
  const counts = new Map<string, number>();
  const stores = {
    nrs: new NrsStore(ctx),
    action: new ActionStore(),
    addressbook: new AddressBookStore(),
    tags: new TagsStore(),
  };
  stores.nrs.unverifiedSenders = new Set(opts.unverifiedSenders ?? []);
  if (opts.demoData ?? true) loadDemoData(createRng(seed ^ 0xdede), stores);
  const server = await listen(host, opts.port ?? 0, {
    apis: {
      nrs: createNrsApi(stores.nrs, {
        username: () => credentials.nrs.username,
        password: () => credentials.nrs.password,
        ipAllowed: (ip) => allowIps.has(ip),
      }),
      action: createActionApi(stores.action, ctx, () => credentials.action.secretKey),
      addressbook: createAddressBookApi(stores.addressbook, () => credentials.addressbook.token),
      tags: createTagsApi(stores.tags, () => credentials.tags.apiKey),
    },
    faults: () => faults,
    faultRng: createRng(seed),
    countRequest: (method, path) => {
      const key = `${method} ${path}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
  });
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  return {
    apis: {
      nrs: { baseUrl: `${origin}/nrs`, ...credentials.nrs },
      action: { baseUrl: `${origin}/action`, ...credentials.action },
      addressbook: { baseUrl: `${origin}/addressbook`, ...credentials.addressbook },
      tags: { baseUrl: `${origin}/tags`, ...credentials.tags },
    },
    port: server.port,
    ledger: () => ctx.ledger.list(),
    setFaults: (f) => {
      faults = normaliseFaults(f);
    },
    setAllowIps: (ips) => {
      allowIps = new Set(ips.map(normaliseIp));
    },
    setCredits: (n) => ctx.wallet.set(n),
    setUnverifiedSenders: (senders) => {
      stores.nrs.unverifiedSenders = new Set(senders);
    },
    balance: () => ctx.wallet.balance,
    partPrice: (to) => fromMicros(partPriceMicros(to)),
    requestCount: (filter = {}) => {
      let total = 0;
      for (const [key, n] of counts) {
        const [method, path = ''] = key.split(' ', 2);
        if (filter.method && filter.method.toUpperCase() !== method) continue;
        if (filter.pathPrefix && !path.startsWith(filter.pathPrefix)) continue;
        total += n;
      }
      return total;
    },
    addInboundWhatsApp: (from, to, text, at) => addInbound(stores.nrs, from, to, text, at),
    close: () => server.close(),
  };
}
