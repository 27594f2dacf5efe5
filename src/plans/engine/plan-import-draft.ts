// A new plan as a results file gives it: objectives, measures and indicators with their baselines, targets
// and actuals, and the guesses a person confirms (title, scope, countries, period). What only a person can
// say (each objective's pillar, each measure's owner, the coordinator) is left to a mapping. Pure.
import type { Indicator, MeasureStatus, Period, Pillar, PlanScope } from './model.js';
import type { ImportedMeasureResults, NamedOrganisation, ResultsImport } from './results-vocabulary.js';

export type DraftMeasure = {
  title: string;
  /** Where in the file the measure is (an element's path or a row). */
  source: string;
  owner: NamedOrganisation | null;
  deadline: string | null;
  status: MeasureStatus;
  indicators: Indicator[];
};

export type DraftObjective = {
  title: string;
  source: string;
  /** The pillar the file gives (our own exports do), or null when a person must choose it. */
  pillar: Pillar | null;
  measures: DraftMeasure[];
};

export type PlanImportDraft = {
  title: string;
  scope: PlanScope;
  /** As the file writes them: the caller turns IATI's alpha-2 codes into alpha-3. */
  countries: string[];
  period: Period | null;
  coordinator: NamedOrganisation | null;
  objectives: DraftObjective[];
};

/**
 * Objectives as the file names them (an objective column, or our IATI extension); a result that names none
 * is an objective of its own, IATI's result being the outcome its activity (the measure) works towards.
 */
export function draftPlanOf(imported: ResultsImport, fileName: string): PlanImportDraft {
  const objectives = new Map<string, DraftObjective>();
  imported.measures.forEach((result, index) => {
    const source = result.source ?? `result ${index + 1}`;
    const named = result.objective;
    const key = named ? `objective:${named.id ?? named.title.toLowerCase()}` : `result:${index}`;
    let objective = objectives.get(key);
    if (!objective) {
      objective = {
        title: named?.title ?? result.title,
        source,
        pillar: named?.pillar ?? null,
        measures: [],
      };
      objectives.set(key, objective);
    }
    objective.measures.push(measureOf(result, source));
  });
  const facts = imported.plan;
  const countries = facts?.countries ?? [];
  return {
    title: facts?.title ?? titleOfFile(fileName),
    scope: facts?.scope ?? (countries.length > 1 ? 'regional' : 'national'),
    countries,
    period: facts?.period ?? spanOf(imported.measures),
    coordinator: facts?.coordinator ?? null,
    objectives: [...objectives.values()],
  };
}

function measureOf(result: ImportedMeasureResults, source: string): DraftMeasure {
  return {
    // A result of another publisher's names the outcome; its activity, when titled, names the measure.
    title: result.objective ? result.title : (result.activityTitle ?? result.title),
    source,
    owner: result.owner ?? null,
    deadline: result.deadline ?? null,
    status: result.status ?? 'planned',
    indicators: result.indicators,
  };
}

/** The file's name without its extension, words spaced: a title to start from. */
export function titleOfFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const spaced = base.replace(/[_-]+/g, ' ').trim();
  return spaced || 'Imported plan';
}

/** From the first period's start to the last one's end, over every target and actual. */
function spanOf(measures: readonly ImportedMeasureResults[]): Period | null {
  const periods = measures.flatMap((m) => m.indicators.flatMap((i) => [...i.targets, ...i.reports]));
  if (periods.length === 0) return null;
  const start = periods.map((p) => p.start).reduce((a, b) => (b < a ? b : a));
  const end = periods.map((p) => p.end).reduce((a, b) => (b > a ? b : a));
  return { start, end };
}

/** Counts for a summary line. */
export function countsOf(draft: PlanImportDraft) {
  const measures = draft.objectives.flatMap((objective) => objective.measures);
  const indicators = measures.flatMap((measure) => measure.indicators);
  return {
    objectives: draft.objectives.length,
    measures: measures.length,
    indicators: indicators.length,
    targets: indicators.reduce((sum, indicator) => sum + indicator.targets.length, 0),
    actuals: indicators.reduce((sum, indicator) => sum + indicator.reports.length, 0),
  };
}
