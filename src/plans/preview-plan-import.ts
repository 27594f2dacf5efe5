// What a results file would make of a new plan, written nowhere: its objectives, measures and indicators with
// baselines, targets and actuals, the registered organisations it seems to name, the mapping suggested and
// what is still to choose, and every problem with where it is and how to fix it.
import type { Queryable } from '../platform/db.js';
import type { Indicator } from './engine/model.js';
import { unmappedOf } from './plan-import-document.js';
import { matchOrganisations, readPlanFile } from './plan-import-file.js';
import type { PlanFile, PlanImportMapping, PlanImportPreview } from './plan-import-schemas.js';

export async function previewPlanImport(db: Queryable, file: PlanFile): Promise<PlanImportPreview> {
  const { draft, problems, notes } = await readPlanFile(file);
  const owners = draft.objectives.flatMap((objective) => objective.measures.map((m) => m.owner));
  const match = await matchOrganisations(db, [draft.coordinator, ...owners]);
  const coordinator = { named: draft.coordinator, suggestion: match(draft.coordinator) };
  const objectives = draft.objectives.map((objective) => ({
    title: objective.title,
    source: objective.source,
    pillar: objective.pillar,
    measures: objective.measures.map((measure) => ({
      title: measure.title,
      source: measure.source,
      deadline: measure.deadline,
      status: measure.status,
      owner: { named: measure.owner, suggestion: match(measure.owner) },
      indicators: measure.indicators.map(previewIndicatorOf),
    })),
  }));
  const mapping: PlanImportMapping = {
    title: draft.title,
    scope: draft.scope,
    countries: draft.countries,
    ...(draft.period ? { period: draft.period } : {}),
    coordinatorOrganisationId: coordinator.suggestion?.id ?? null,
    objectives: objectives.map((objective) => ({
      pillar: objective.pillar,
      measures: objective.measures.map((m) => ({ ownerOrganisationId: m.owner.suggestion?.id ?? null })),
    })),
  };
  return {
    fileName: file.fileName,
    format: file.format,
    plan: { title: draft.title, scope: draft.scope, countries: draft.countries, period: draft.period },
    coordinator,
    objectives,
    mapping,
    needs: unmappedOf(draft, mapping),
    problems,
    notes,
  };
}

function previewIndicatorOf(indicator: Indicator) {
  return {
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    baseline: indicator.baseline,
    targets: indicator.targets,
    actuals: indicator.reports.map((report) => ({
      start: report.start,
      end: report.end,
      ...(report.sex ? { sex: report.sex } : {}),
      ...(report.age ? { age: report.age } : {}),
      value: report.value,
      status: report.status,
    })),
  };
}
