// A coordination profile per country: pillar balance, work under mechanisms, partners by type. Pure.
import { type AnalysisInput, activitiesByCountry, countriesInScope, PILLARS } from './model.js';
import type { CountryProfile, Finding } from './schemas.js';

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/** What a profile counts of a country's activities in view, however they were counted (in memory or by SQL). */
export type ProfileCounts = {
  activities: number;
  byPillar: ReadonlyMap<string, number>;
  underMechanism: number;
  doerIds: readonly string[];
};

type ProfileNames = Pick<AnalysisInput, 'organisations' | 'mechanisms'>;

/** A country's profile from its counts, its organisations' types, its mechanisms and its findings' counts. */
export function profileOf(
  names: ProfileNames,
  iso3: string,
  counts: ProfileCounts,
  findings: { gaps: number; overlaps: number },
): CountryProfile {
  const byType = new Map<string, number>();
  for (const id of new Set(counts.doerIds)) {
    const type = names.organisations.get(id)?.actorType ?? 'unknown';
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const total = counts.activities;
  return {
    iso3,
    activities: total,
    pillarBalance: PILLARS.map((pillar) => {
      const count = counts.byPillar.get(pillar) ?? 0;
      return { pillar, activities: count, share: share(count, total) };
    }),
    underMechanismShare: total === 0 ? null : share(counts.underMechanism, total),
    partnersByActorType: [...byType]
      .map(([actorType, organisations]) => ({
        actorType: actorType as CountryProfile['partnersByActorType'][number]['actorType'],
        organisations,
      }))
      .sort((a, b) => b.organisations - a.organisations || a.actorType.localeCompare(b.actorType)),
    organisations: new Set(counts.doerIds).size,
    mechanisms: names.mechanisms
      .filter((m) => m.countries.includes(iso3))
      .map((m) => ({ id: m.id, name: m.name, kind: m.kind, members: m.members })),
    gaps: findings.gaps,
    overlaps: findings.overlaps,
  };
}

export function buildCountryProfiles(input: AnalysisInput, findings: readonly Finding[]): CountryProfile[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.kind}|${f.iso3}`, (counts.get(`${f.kind}|${f.iso3}`) ?? 0) + 1);
  return countriesInScope(input).map((iso3) => {
    const here = activitiesByCountry(input).get(iso3) ?? [];
    const byPillar = new Map<string, number>();
    for (const a of here) byPillar.set(a.pillar, (byPillar.get(a.pillar) ?? 0) + 1);
    return profileOf(
      input,
      iso3,
      {
        activities: here.length,
        byPillar,
        underMechanism: here.filter((a) => a.mechanismId !== null).length,
        doerIds: here.flatMap((a) => a.doerIds),
      },
      { gaps: counts.get(`gap|${iso3}`) ?? 0, overlaps: counts.get(`overlap|${iso3}`) ?? 0 },
    );
  });
}
