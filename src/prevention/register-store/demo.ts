// Invented agencies for the demo register, one in each standing a person may meet: licensed, lapsed,
// revoked and suspended, with an inspection and sanctions. Dates count from the day the demo is seeded, so
// that each stays in its standing. No name, number or authority here is real.
import type { Queryable } from '../../platform/db.js';
import { addDays, type Inspection, type Licence, type Sanction } from '../register/index.js';
import { type AgencyInput, addInspection, addSanction, createAgency, saveLicence } from './write.js';

const AUTHORITY = 'Ministry of Labour of Examplestan (demo)';

type DemoAgency = {
  agency: Omit<AgencyInput, 'keeperOrganisationId' | 'address' | 'registrationNumber'> &
    Partial<Pick<AgencyInput, 'address' | 'registrationNumber'>>;
  licence: (day: (offset: number) => string) => Licence;
  inspections?: (day: (offset: number) => string) => Inspection[];
  sanctions?: (day: (offset: number) => string) => Sanction[];
};

const licence = (fields: Partial<Licence> & Pick<Licence, 'number'>): Licence => ({
  issuingAuthority: AUTHORITY,
  status: 'active',
  validFrom: null,
  validUntil: null,
  statusSince: null,
  statusUntil: null,
  ...fields,
});

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    agency: {
      name: 'Bluebird Careers Abroad Ltd (demo)',
      otherNames: ['Bluebird Careers (demo)'],
      kind: 'recruitment',
      country: 'KEN',
      address: '10 Example Avenue, Nairobi',
      registrationNumber: 'DEMO-REG-001',
    },
    licence: (day) => licence({ number: 'DEMO-LB-001', validFrom: day(-400), validUntil: day(700) }),
    inspections: (day) => [{ date: day(-90), outcome: 'compliant', authority: AUTHORITY }],
  },
  {
    agency: {
      name: 'Lantern Overseas Placement (demo)',
      otherNames: [],
      kind: 'recruitment',
      country: 'KEN',
    },
    licence: (day) => licence({ number: 'DEMO-LB-002', validFrom: day(-1200), validUntil: day(-60) }),
    inspections: (day) => [{ date: day(-120), outcome: 'violations', authority: AUTHORITY }],
  },
  {
    agency: { name: 'Silver Ring Marriage Bureau (demo)', otherNames: [], kind: 'marriage', country: 'KEN' },
    licence: (day) =>
      licence({
        number: 'DEMO-MB-003',
        status: 'revoked',
        validFrom: day(-900),
        validUntil: day(300),
        statusSince: day(-30),
      }),
    sanctions: (day) => [
      { imposedOn: day(-30), kind: 'licence_revocation', until: null, authority: AUTHORITY },
    ],
  },
  {
    agency: {
      name: 'Starlight Models International (demo)',
      otherNames: [],
      kind: 'modelling',
      country: 'UGA',
    },
    licence: (day) =>
      licence({
        number: 'DEMO-MD-004',
        status: 'suspended',
        validFrom: day(-500),
        validUntil: day(500),
        statusSince: day(-20),
        statusUntil: day(70),
      }),
    sanctions: (day) => [{ imposedOn: day(-20), kind: 'suspension', until: day(70), authority: AUTHORITY }],
  },
];

export async function loadDemoIntermediaries(tx: Queryable, today: string): Promise<number> {
  const day = (offset: number) => addDays(today, offset);
  for (const demo of DEMO_AGENCIES) {
    const input = { address: null, registrationNumber: null, ...demo.agency, keeperOrganisationId: null };
    const id = await createAgency(tx, input, null);
    await saveLicence(tx, id, demo.licence(day));
    for (const inspection of demo.inspections?.(day) ?? []) await addInspection(tx, id, inspection, null);
    for (const sanction of demo.sanctions?.(day) ?? []) await addSanction(tx, id, sanction, null);
  }
  return DEMO_AGENCIES.length;
}
