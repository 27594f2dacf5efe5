// How `concerted plans import-plan --dry-run` puts a file's preview into words for a person at a terminal:
// the plan's guesses, each objective with its pillar, each measure with its owner, the indicators' targets and
// actuals, then what is still to map and the file's problems. Names and words, never ids or codes. Pure.
import type { PlanImportMapping, PlanImportPreview } from '../plans/plan-import-schemas.js';
import type { FieldError } from '../platform/errors.js';

const PILLAR_WORDS: Record<string, string> = {
  prevention: 'Prevention',
  protection: 'Protection',
  prosecution: 'Prosecution',
  partnership: 'Partnership',
};
const SCOPE_WORDS: Record<string, string> = {
  national: 'National plan',
  regional: 'Regional plan',
  un_system: 'UN system-wide plan',
};

type Names = { organisation: (id: string | null) => string | null; country: (iso3: string) => string };
type Objective = PlanImportPreview['objectives'][number];
type Indicator = Objective['measures'][number]['indicators'][number];

export function previewText(
  preview: PlanImportPreview,
  mapping: PlanImportMapping,
  needs: readonly FieldError[],
  names: Names,
): string {
  const period = mapping.period ?? preview.plan.period;
  const countries = (mapping.countries ?? preview.plan.countries).map(names.country);
  const lines = [
    `Dry run: “${preview.fileName}” would become this plan; nothing was written.`,
    '',
    mapping.title ?? preview.plan.title,
    `${SCOPE_WORDS[mapping.scope ?? preview.plan.scope]} for ${countries.join(', ') || '(no country yet)'}, ${period ? `${period.start} – ${period.end}` : '(no period yet)'}`,
    `Coordinated by ${names.organisation(mapping.coordinatorOrganisationId) ?? '(not chosen yet)'}`,
  ];
  preview.objectives.forEach((objective, o) => {
    const pillar = mapping.objectives[o]?.pillar;
    lines.push('', `${pillar ? PILLAR_WORDS[pillar] : 'Pillar not chosen yet'}: ${objective.title}`);
    objective.measures.forEach((measure, m) => {
      const owner = names.organisation(mapping.objectives[o]?.measures[m]?.ownerOrganisationId ?? null);
      const named = measure.owner.named?.name ?? measure.owner.named?.ref;
      const ownerWords = owner ?? `not chosen yet${named ? ` (the file names “${named}”)` : ''}`;
      lines.push(`  - ${measure.title} (${measure.source})`, `    owner ${ownerWords}`);
      for (const indicator of measure.indicators) lines.push(...indicatorLines(indicator));
    });
  });
  lines.push(
    ...findingLines('Still to map', needs),
    ...findingLines('Problems in the file', preview.problems),
  );
  lines.push(...findingLines('Notes', preview.notes));
  return `${lines.join('\n')}\n`;
}

function indicatorLines(indicator: Indicator): string[] {
  const people = (value: { sex?: string | undefined; age?: string | undefined }) =>
    [value.sex, value.age].filter(Boolean).join(' ') || 'all';
  const baseline = indicator.baseline
    ? `baseline ${indicator.baseline.value} (${indicator.baseline.date})`
    : 'no baseline';
  const lines = [`    • ${indicator.name} (${indicator.unit}); ${baseline}`];
  for (const target of indicator.targets)
    lines.push(`      target ${target.value} for ${people(target)}, ${target.start} – ${target.end}`);
  for (const actual of indicator.actuals)
    lines.push(
      `      actual ${actual.value ?? 'no value'} for ${people(actual)}, ${actual.start} – ${actual.end}, ${actual.status.replaceAll('_', ' ')}`,
    );
  return lines;
}

function findingLines(heading: string, findings: readonly FieldError[]): string[] {
  if (findings.length === 0) return [];
  return ['', `${heading}:`, ...findings.map((finding) => `  - ${finding.message}`)];
}
