// A plan drawn from a file and its mapping turned into the document that creates the plan, and what the
// mapping still leaves open, each with its place and a sentence naming the objective or measure. Pure.

import type { FieldError } from '../platform/errors.js';
import type { Period, ProgressReport } from './engine/model.js';
import type { PlanImportDraft } from './engine/plan-import-draft.js';
import type { PlanImportMapping } from './plan-import-schemas.js';
import { indicatorInputOf } from './plan-input.js';

/** What a mapping is checked against: the draft read from the file, or its preview. */
export type MappingTarget = {
  countries: readonly string[];
  period: Period | null;
  objectives: readonly {
    title: string;
    source: string;
    measures: readonly { title: string; source: string }[];
  }[];
};

const PILLARS_IN_WORDS = 'prevention, protection, prosecution or partnership';

/** Every choice the mapping still lacks; empty when the plan can be created. */
export function unmappedOf(draft: MappingTarget, mapping: PlanImportMapping): FieldError[] {
  const needs: FieldError[] = [];
  const need = (path: string, code: string, message: string) => needs.push({ path, code, message });
  if (!mapping.coordinatorOrganisationId)
    need(
      'mapping.coordinatorOrganisationId',
      'coordinator_unmapped',
      'Choose the organisation that coordinates the plan: the file does not name a registered one.',
    );
  if ((mapping.countries ?? draft.countries).length === 0)
    need(
      'mapping.countries',
      'countries_unmapped',
      'Choose the countries the plan covers: the file names none.',
    );
  if (!(mapping.period ?? draft.period))
    need(
      'mapping.period',
      'period_unmapped',
      'Give the plan’s period: the file has no target or actual to tell it from.',
    );
  if (mapping.objectives.length !== draft.objectives.length)
    need(
      'mapping.objectives',
      'objectives_mismatch',
      `The mapping gives ${mapping.objectives.length} objective(s) where the file has ${draft.objectives.length}: preview the file again and map each of its objectives, in its order.`,
    );
  draft.objectives.forEach((objective, o) => {
    const mapped = mapping.objectives[o];
    if (!mapped) return;
    const at = `mapping.objectives.${o}`;
    if (!mapped.pillar)
      need(
        `${at}.pillar`,
        'pillar_unmapped',
        `Choose the pillar of the objective “${objective.title}” (${objective.source}): ${PILLARS_IN_WORDS}.`,
      );
    if (mapped.measures.length !== objective.measures.length)
      need(
        `${at}.measures`,
        'measures_mismatch',
        `The mapping gives ${mapped.measures.length} measure(s) for the objective “${objective.title}” where the file has ${objective.measures.length}: preview the file again.`,
      );
    objective.measures.forEach((measure, m) => {
      if (mapped.measures[m] && !mapped.measures[m].ownerOrganisationId)
        need(
          `${at}.measures.${m}.ownerOrganisationId`,
          'owner_unmapped',
          `Choose the organisation that owns the measure “${measure.title}” (${measure.source}): the file does not name a registered one.`,
        );
    });
  });
  return needs;
}

/** The ids of the organisations the mapping names, each with its place, to check they are registered. */
export function mappedOrganisations(
  draft: MappingTarget,
  mapping: PlanImportMapping,
): { id: string; path: string; what: string }[] {
  const named: { id: string; path: string; what: string }[] = [];
  if (mapping.coordinatorOrganisationId)
    named.push({
      id: mapping.coordinatorOrganisationId,
      path: 'mapping.coordinatorOrganisationId',
      what: 'the plan’s coordinator',
    });
  draft.objectives.forEach((objective, o) => {
    objective.measures.forEach((measure, m) => {
      const id = mapping.objectives[o]?.measures[m]?.ownerOrganisationId;
      if (id)
        named.push({
          id,
          path: `mapping.objectives.${o}.measures.${m}.ownerOrganisationId`,
          what: `the owner of the measure “${measure.title}”`,
        });
    });
  });
  return named;
}

export type IndicatorActuals = { indicatorId: string; reports: ProgressReport[] };

/**
 * The document for createPlan (checked by its schema by the caller) and the actuals of each indicator under
 * its new id: ids in the file belong to the plan it came from, never to the new one.
 */
export function planDocumentOf(draft: PlanImportDraft, mapping: PlanImportMapping, newId: () => string) {
  const actuals: IndicatorActuals[] = [];
  const document = {
    title: mapping.title ?? draft.title,
    description: mapping.description ?? '',
    scope: mapping.scope ?? draft.scope,
    countries: mapping.countries ?? draft.countries,
    period: mapping.period ?? draft.period,
    coordinatorOrganisationId: mapping.coordinatorOrganisationId,
    objectives: draft.objectives.map((objective, o) => ({
      title: objective.title,
      pillar: mapping.objectives[o]?.pillar,
      measures: objective.measures.map((measure, m) => ({
        title: measure.title,
        ownerOrganisationId: mapping.objectives[o]?.measures[m]?.ownerOrganisationId,
        deadline: measure.deadline,
        status: measure.status,
        indicators: measure.indicators.map((indicator) => {
          const id = newId();
          if (indicator.reports.length > 0) actuals.push({ indicatorId: id, reports: indicator.reports });
          return { ...indicatorInputOf(indicator), id };
        }),
      })),
    })),
  };
  return { document, actuals };
}
