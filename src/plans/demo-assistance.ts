// Illustrative technical assistance for the demo: Kenya's coordination office asks for training of its
// specialised police units, a case data system and courses for prosecutors; the legal aid centre, the shelter
// network and the migration institute offer help in the UN languages they work in, for a while from the day
// the demo is seeded. The prosecutors' courses are matched with the legal aid centre's offer; the other needs
// stay open, so that the assistance page suggests offers for them. Written through the use cases a partner's
// request goes through, once, with the rest of the demo dataset.
import { demoOrganisationIds } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { NeedRequest, OfferRequest } from './assistance-schemas.js';
import { acceptOffer } from './decide-on-offer.js';
import { demoUserIds } from './demo.js';
import { addDays } from './engine/calendar.js';
import { postNeed } from './post-need.js';
import { postOffer } from './post-offer.js';

export const DEMO_NEED_TITLES = {
  policeUnits: 'Train the specialised police units in victim-centred investigations (demo)',
  dataSystem: 'A case data system for the national referral mechanism (demo)',
  prosecutors: 'Courses for prosecutors on the trafficking offences (demo)',
} as const;

export async function loadDemoAssistance(tx: Queryable, today: string): Promise<number> {
  const org = await demoOrganisationIds(tx);
  const { coordinator, editor } = await demoUserIds(tx);
  const need = (values: Omit<NeedRequest, 'organisationId' | 'country'>) =>
    postNeed(tx, NeedRequest.parse({ organisationId: org.office, country: 'KEN', ...values }), coordinator);
  const offer = (values: OfferRequest, by: string | null) => postOffer(tx, OfferRequest.parse(values), by);

  await need({
    pillar: 'prosecution',
    kind: 'specialised_units',
    title: DEMO_NEED_TITLES.policeUnits,
    description:
      'Illustrative: the anti-trafficking units of the police want training on identifying victims, protecting them during investigations and working with prosecutors.',
    languages: ['en', 'fr'],
    wantedBy: addDays(today, 150),
  });
  await need({
    pillar: 'partnership',
    kind: 'data_systems',
    title: DEMO_NEED_TITLES.dataSystem,
    description:
      'Illustrative: partners of the national referral mechanism want one system to follow referrals and count them without exposing victims.',
    languages: ['en'],
    wantedBy: addDays(today, 300),
  });
  const prosecutors = await need({
    pillar: 'prosecution',
    kind: 'training',
    title: DEMO_NEED_TITLES.prosecutors,
    description: 'Illustrative: prosecutors want courses on the offences of the trafficking law.',
    languages: ['en'],
    wantedBy: addDays(today, 90),
  });

  const courses = await offer(
    {
      organisationId: org.legal,
      title: 'Courses for prosecutors and specialised police units in East Africa (demo)',
      description: 'Illustrative: two-week courses taught by prosecutors and investigators of the region.',
      pillars: ['prosecution', 'protection'],
      kinds: ['training', 'specialised_units'],
      countries: ['KEN', 'UGA', 'TZA'],
      languages: ['en', 'fr'],
      availableFrom: addDays(today, -30),
      availableUntil: addDays(today, 365),
    },
    null,
  );
  await offer(
    {
      organisationId: org.shelter,
      title: 'Sessions with shelter staff on interviewing victims (demo)',
      description: 'Illustrative: shelter counsellors show police officers how to interview victims safely.',
      pillars: ['protection'],
      kinds: ['training'],
      countries: ['KEN'],
      languages: ['en'],
      availableFrom: addDays(today, 30),
      availableUntil: addDays(today, 210),
    },
    editor,
  );
  await offer(
    {
      organisationId: org.institute,
      title: 'Design of case data systems and referral statistics (demo)',
      description:
        'Illustrative: advice on the data a referral mechanism keeps and on publishing its figures.',
      pillars: ['partnership', 'protection'],
      kinds: ['data_systems', 'research'],
      countries: [],
      languages: ['en', 'fr', 'ar'],
      availableFrom: addDays(today, -10),
      availableUntil: addDays(today, 540),
    },
    null,
  );
  await acceptOffer(tx, {
    needId: prosecutors.id,
    offerId: courses.id,
    note: 'Illustrative: the courses fit the prosecutors’ calendar.',
    userId: coordinator,
    today,
  });
  return 3 + 3 + 1;
}
