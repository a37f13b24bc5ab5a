import { json, type SandboxReply } from '../http-types';
import { COVERAGE } from './coverage-list';

/** SMS prices per network (seed 003 lines 9175-9434); the list is in coverage-list.ts. */
type Network = (typeof COVERAGE)[number];
const NETWORKS = COVERAGE.map(({ dialCode: _dial, ...line }) => line);

const CURRENCY = { currencyCode: 'EUR', currencySymbol: '€' };

export function coverage(): SandboxReply {
  return json(200, { data: NETWORKS.map((n) => ({ ...n, ...CURRENCY })) });
}

/** Grouped by country: named networks (not "Default") and the cost range. */
export function coverageByCountry(): SandboxReply {
  const byCountry = new Map<string, Omit<Network, 'dialCode'>[]>();
  for (const n of NETWORKS)
    byCountry.set(n.countryIso, [...(byCountry.get(n.countryIso) ?? []), n]);
  const data = [...byCountry.values()].map((list) => {
    const first = list[0] as Omit<Network, 'dialCode'>;
    const costs = list.map((n) => n.cost);
    return {
      countryIso: first.countryIso,
      countryName: first.countryName,
      networks: list.filter((n) => n.networkName !== 'Default').map((n) => n.networkName),
      minCost: Math.min(...costs),
      maxCost: Math.max(...costs),
      ...CURRENCY,
    };
  });
  return json(200, { data });
}
