import { json, type SandboxReply } from '../http-types';

/**
 * SMS prices per network (seed 003 lines 9175-9434). The first three rows are the
 * seed's own; the rest are plausible figures for the countries the demo data uses.
 */
interface Network {
  countryIso: string;
  countryName: string;
  networkName: string;
  mcc: string;
  mnc: string | null;
  cost: number;
}

const NETWORKS: Network[] = [
  {
    countryIso: 'AD',
    countryName: 'Andorra',
    networkName: 'Default',
    mcc: '213',
    mnc: null,
    cost: 0.065,
  },
  {
    countryIso: 'AD',
    countryName: 'Andorra',
    networkName: 'Servei De Tele. DAndorra',
    mcc: '213',
    mnc: '003',
    cost: 0.065,
  },
  {
    countryIso: 'AE',
    countryName: 'United Arab Emirates',
    networkName: 'Default',
    mcc: '424',
    mnc: null,
    cost: 0.0868,
  },
  {
    countryIso: 'AE',
    countryName: 'United Arab Emirates',
    networkName: 'DU',
    mcc: '424',
    mnc: '003',
    cost: 0.0868,
  },
  {
    countryIso: 'AE',
    countryName: 'United Arab Emirates',
    networkName: 'Etisalat',
    mcc: '424',
    mnc: '002',
    cost: 0.0868,
  },
  {
    countryIso: 'ES',
    countryName: 'Spain',
    networkName: 'Default',
    mcc: '214',
    mnc: null,
    cost: 0.045,
  },
  {
    countryIso: 'ES',
    countryName: 'Spain',
    networkName: 'Movistar',
    mcc: '214',
    mnc: '007',
    cost: 0.045,
  },
  {
    countryIso: 'ES',
    countryName: 'Spain',
    networkName: 'Vodafone',
    mcc: '214',
    mnc: '001',
    cost: 0.043,
  },
  {
    countryIso: 'ES',
    countryName: 'Spain',
    networkName: 'Orange',
    mcc: '214',
    mnc: '003',
    cost: 0.044,
  },
  {
    countryIso: 'PT',
    countryName: 'Portugal',
    networkName: 'Default',
    mcc: '268',
    mnc: null,
    cost: 0.039,
  },
  {
    countryIso: 'PT',
    countryName: 'Portugal',
    networkName: 'MEO',
    mcc: '268',
    mnc: '006',
    cost: 0.039,
  },
  {
    countryIso: 'PT',
    countryName: 'Portugal',
    networkName: 'NOS',
    mcc: '268',
    mnc: '003',
    cost: 0.037,
  },
  {
    countryIso: 'FR',
    countryName: 'France',
    networkName: 'Default',
    mcc: '208',
    mnc: null,
    cost: 0.071,
  },
  {
    countryIso: 'FR',
    countryName: 'France',
    networkName: 'Orange France',
    mcc: '208',
    mnc: '001',
    cost: 0.071,
  },
  {
    countryIso: 'GB',
    countryName: 'United Kingdom',
    networkName: 'Default',
    mcc: '234',
    mnc: null,
    cost: 0.038,
  },
  {
    countryIso: 'GB',
    countryName: 'United Kingdom',
    networkName: 'EE',
    mcc: '234',
    mnc: '030',
    cost: 0.038,
  },
  {
    countryIso: 'US',
    countryName: 'United States',
    networkName: 'Default',
    mcc: '310',
    mnc: null,
    cost: 0.012,
  },
  {
    countryIso: 'MX',
    countryName: 'Mexico',
    networkName: 'Default',
    mcc: '334',
    mnc: null,
    cost: 0.029,
  },
  {
    countryIso: 'CO',
    countryName: 'Colombia',
    networkName: 'Default',
    mcc: '732',
    mnc: null,
    cost: 0.011,
  },
];

const CURRENCY = { currencyCode: 'EUR', currencySymbol: '€' };

export function coverage(): SandboxReply {
  return json(200, { data: NETWORKS.map((n) => ({ ...n, ...CURRENCY })) });
}

/** Grouped by country: named networks (not "Default") and the cost range. */
export function coverageByCountry(): SandboxReply {
  const byCountry = new Map<string, Network[]>();
  for (const n of NETWORKS)
    byCountry.set(n.countryIso, [...(byCountry.get(n.countryIso) ?? []), n]);
  const data = [...byCountry.values()].map((list) => {
    const first = list[0] as Network;
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
