/**
 * The sandbox's SMS price list (GET /api/rest/sms/coverage, seed 003 lines 9175-9434):
 * one line per network plus each country's "Default" line, in EUR per part.
 * The AD and AE lines are the seed's own; the rest are plausible figures with the
 * countries' real MCC/MNC codes, so cost estimates and the balance behave like
 * they would against a real price list. `dialCode` is ours: the sandbox prices a
 * recipient by the longest calling code its number starts with.
 */
export interface CoverageLine {
  countryIso: string;
  countryName: string;
  dialCode: string;
  networkName: string;
  mcc: string;
  mnc: string | null;
  cost: number;
}

type Country = [iso: string, name: string, dial: string, mcc: string, defaultCost: number];
type Network = [name: string, mnc: string, cost: number];

const COUNTRIES: [Country, Network[]][] = [
  [['AD', 'Andorra', '376', '213', 0.065], [['Servei De Tele. DAndorra', '003', 0.065]]],
  [
    ['AE', 'United Arab Emirates', '971', '424', 0.0868],
    [
      ['DU', '003', 0.0868],
      ['Etisalat', '002', 0.0868],
    ],
  ],
  [
    ['ES', 'Spain', '34', '214', 0.045],
    [
      ['Movistar', '007', 0.045],
      ['Vodafone', '001', 0.043],
      ['Orange', '003', 0.044],
      ['Yoigo', '004', 0.041],
    ],
  ],
  [
    ['PT', 'Portugal', '351', '268', 0.039],
    [
      ['MEO', '006', 0.039],
      ['NOS', '003', 0.037],
      ['Vodafone', '001', 0.038],
    ],
  ],
  [
    ['FR', 'France', '33', '208', 0.071],
    [
      ['Orange France', '001', 0.071],
      ['SFR', '010', 0.069],
      ['Bouygues Telecom', '020', 0.068],
      ['Free Mobile', '015', 0.066],
    ],
  ],
  [
    ['GB', 'United Kingdom', '44', '234', 0.038],
    [
      ['O2', '010', 0.038],
      ['Vodafone', '015', 0.036],
      ['EE', '030', 0.037],
      ['Three', '020', 0.035],
    ],
  ],
  [
    ['DE', 'Germany', '49', '262', 0.078],
    [
      ['Telekom', '001', 0.078],
      ['Vodafone', '002', 0.076],
      ['O2', '003', 0.074],
    ],
  ],
  [
    ['IT', 'Italy', '39', '222', 0.069],
    [
      ['TIM', '001', 0.069],
      ['Vodafone', '010', 0.067],
      ['WindTre', '088', 0.066],
      ['Iliad', '050', 0.064],
    ],
  ],
  [
    ['US', 'United States', '1', '310', 0.012],
    [
      ['T-Mobile', '260', 0.012],
      ['AT&T', '410', 0.011],
      ['Verizon', '480', 0.012],
    ],
  ],
  [
    ['MX', 'Mexico', '52', '334', 0.029],
    [
      ['Telcel', '020', 0.029],
      ['Movistar', '030', 0.027],
      ['AT&T', '050', 0.028],
    ],
  ],
  [
    ['CO', 'Colombia', '57', '732', 0.011],
    [
      ['Claro', '101', 0.011],
      ['Movistar', '123', 0.0105],
      ['Tigo', '103', 0.0108],
    ],
  ],
  [
    ['AR', 'Argentina', '54', '722', 0.052],
    [
      ['Movistar', '070', 0.052],
      ['Claro', '310', 0.05],
      ['Personal', '340', 0.051],
    ],
  ],
  [
    ['BR', 'Brazil', '55', '724', 0.024],
    [
      ['Vivo', '006', 0.024],
      ['Claro', '005', 0.023],
      ['TIM', '002', 0.022],
      ['Oi', '031', 0.025],
    ],
  ],
  [
    ['CL', 'Chile', '56', '730', 0.041],
    [
      ['Entel', '001', 0.041],
      ['Movistar', '002', 0.04],
      ['Claro', '003', 0.039],
    ],
  ],
  [
    ['PE', 'Peru', '51', '716', 0.048],
    [
      ['Movistar', '006', 0.048],
      ['Claro', '010', 0.046],
      ['Entel', '017', 0.047],
    ],
  ],
];

export const COVERAGE: readonly CoverageLine[] = COUNTRIES.flatMap(
  ([[countryIso, countryName, dialCode, mcc, defaultCost], networks]) => [
    {
      countryIso,
      countryName,
      dialCode,
      networkName: 'Default',
      mcc,
      mnc: null,
      cost: defaultCost,
    },
    ...networks.map(([networkName, mnc, cost]) => ({
      countryIso,
      countryName,
      dialCode,
      networkName,
      mcc,
      mnc,
      cost,
    })),
  ],
);
