// A coordination profile per country: pillar balance, work under mechanisms, partners by type. Pure.
import { type AnalysisInput, activitiesByCountry, countriesInScope, PILLARS } from './model.js';
import type { CountryProfile, Finding } from './schemas.js';

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function buildCountryProfiles(input: AnalysisInput, findings: readonly Finding[]): CountryProfile[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.kind}|${f.iso3}`, (counts.get(`${f.kind}|${f.iso3}`) ?? 0) + 1);
  return countriesInScope(input).map((iso3) => {
    const here = activitiesByCountry(input).get(iso3) ?? [];
    const doers = new Set(here.flatMap((a) => a.doerIds));
    const byType = new Map<string, number>();
    for (const id of doers) {
      const type = input.organisations.get(id)?.actorType ?? 'unknown';
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    const underMechanism = here.filter((a) => a.mechanismId !== null).length;
    return {
      iso3,
      activities: here.length,
      pillarBalance: PILLARS.map((pillar) => {
        const count = here.filter((a) => a.pillar === pillar).length;
        return { pillar, activities: count, share: share(count, here.length) };
      }),
      underMechanismShare: here.length === 0 ? null : share(underMechanism, here.length),
      partnersByActorType: [...byType]
        .map(([actorType, organisations]) => ({
          actorType: actorType as CountryProfile['partnersByActorType'][number]['actorType'],
          organisations,
        }))
        .sort((a, b) => b.organisations - a.organisations || a.actorType.localeCompare(b.actorType)),
      organisations: doers.size,
      mechanisms: input.mechanisms
        .filter((m) => m.countries.includes(iso3))
        .map((m) => ({ id: m.id, name: m.name, kind: m.kind, members: m.members })),
      gaps: counts.get(`gap|${iso3}`) ?? 0,
      overlaps: counts.get(`overlap|${iso3}`) ?? 0,
    };
  });
}
