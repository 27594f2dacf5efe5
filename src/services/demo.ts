// Illustrative services for the demo organisations: invented providers, places and coordinates, for trying out.
import { demoOrganisationIds } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { CreateServiceRequest } from './schemas.js';
import { createService, findOrCreateProvider } from './store.js';

type Org = 'office' | 'shelter' | 'legal' | 'institute';
type DemoService = { holder: Org; partner?: Org; providerName: string } & Pick<
  CreateServiceRequest,
  'name' | 'category' | 'description'
> &
  Partial<Omit<CreateServiceRequest, 'organisationId' | 'provider'>>;

const WEEKDAYS_9_TO_5 = (['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((day) => ({
  day,
  opens: '09:00',
  closes: '17:00',
}));

/** A shelter (its address confidential), and public services with coordinates for the map. */
export const DEMO_SERVICES: DemoService[] = [
  {
    holder: 'shelter',
    partner: 'shelter',
    providerName: 'Safe Harbour Shelter Network (demo)',
    name: 'Safe house for women and girls (demo)',
    category: 'shelter',
    description: 'Emergency and medium-term accommodation with meals and a social worker on call.',
    countries: ['KEN'],
    areas: ['Nairobi County'],
    languages: ['en', 'sw'],
    eligibility: ['women', 'girls'],
    capacity: 24,
    placesFree: 5,
    phones: [{ number: '+254 700 000 001', description: 'Hotline, day and night (demo)' }],
    isPublic: true,
    locations: [
      {
        name: 'Safe house (demo)',
        address: '1 Example Lane',
        city: 'Nairobi',
        country: 'KEN',
        latitude: -1.29,
        longitude: 36.82,
      },
    ],
  },
  {
    holder: 'shelter',
    partner: 'shelter',
    providerName: 'Safe Harbour Shelter Network (demo)',
    name: 'Counselling and psychological support (demo)',
    category: 'psychological_support',
    description: 'Individual and group sessions with trauma-informed counsellors.',
    countries: ['KEN'],
    areas: ['Nairobi County', 'Mombasa County'],
    languages: ['en', 'sw', 'so'],
    eligibility: ['all'],
    openingHours: WEEKDAYS_9_TO_5,
    isPublic: true,
    locations: [
      {
        name: 'Drop-in centre (demo)',
        address: '12 Sample Road',
        city: 'Mombasa',
        country: 'KEN',
        latitude: -4.04,
        longitude: 39.67,
      },
    ],
  },
  {
    holder: 'legal',
    partner: 'legal',
    providerName: 'Regional Legal Aid Centre (demo)',
    name: 'Free legal advice and representation (demo)',
    category: 'legal_aid',
    description:
      'Advice on residence, compensation and criminal proceedings; lawyers accompany survivors to court.',
    countries: ['UGA', 'KEN'],
    languages: ['en', 'sw', 'lg'],
    eligibility: ['all'],
    openingHours: WEEKDAYS_9_TO_5,
    isPublic: true,
    locations: [
      { name: 'Legal aid office (demo)', city: 'Kampala', country: 'UGA', latitude: 0.35, longitude: 32.58 },
    ],
  },
  {
    holder: 'office',
    providerName: 'Youth Skills Workshop (demo)',
    name: 'Vocational training for young survivors (demo)',
    category: 'vocational_training',
    description: 'Six-month courses in tailoring, catering and mechanics, with a stipend.',
    countries: ['TZA'],
    areas: ['Dar es Salaam'],
    languages: ['sw', 'en'],
    eligibility: ['girls', 'boys'],
    capacity: 30,
    placesFree: 0,
    isPublic: false,
    locations: [
      { name: 'Workshop (demo)', city: 'Dar es Salaam', country: 'TZA', latitude: -6.79, longitude: 39.21 },
    ],
  },
];

export async function loadDemoServices(tx: Queryable): Promise<number> {
  const ids = await demoOrganisationIds(tx);
  for (const { holder, partner, providerName, ...fields } of DEMO_SERVICES) {
    const {
      organisationId,
      provider: providerInput,
      ...service
    } = CreateServiceRequest.parse({
      ...fields,
      organisationId: ids[holder],
      provider: { name: providerName, ...(partner ? { partnerOrganisationId: ids[partner] } : {}) },
    });
    const providerId = await findOrCreateProvider(tx, organisationId, providerInput);
    await createService(tx, { organisationId, providerId, service }, null);
  }
  return DEMO_SERVICES.length;
}
