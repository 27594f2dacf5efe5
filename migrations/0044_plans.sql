-- Plans of action: a plan (national, regional or UN system-wide) → objectives by pillar → measures with an
-- owner, contributors, deadline, budget, status, funding and the 4W activities behind them → indicators with
-- baselines and targets → progress reports by period, which the plan's coordinator approves. The plan's
-- coordinating organisation shapes the plan; a measure's owner and contributors report on it.
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL CHECK (length(btrim("title")) > 0),
	"description" text NOT NULL DEFAULT '',
	"scope" text NOT NULL CHECK ("scope" IN ('national', 'regional', 'un_system')),
	"countries" text[] NOT NULL DEFAULT '{}',
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"coordinator_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	"version" integer NOT NULL DEFAULT 1,
	CONSTRAINT "plans_period_in_order" CHECK ("period_end" >= "period_start")
);
--> statement-breakpoint
CREATE TABLE "plan_objectives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "plans"("id") ON DELETE CASCADE,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"pillar" text NOT NULL CHECK ("pillar" IN ('prevention', 'protection', 'prosecution', 'partnership'))
);
--> statement-breakpoint
CREATE INDEX "plan_objectives_plan" ON "plan_objectives" ("plan_id", "position");
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "plans"("id") ON DELETE CASCADE,
	"objective_id" uuid NOT NULL REFERENCES "plan_objectives"("id") ON DELETE CASCADE,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"contributing_organisation_ids" uuid[] NOT NULL DEFAULT '{}',
	"deadline" date,
	"budget_minor" bigint CHECK ("budget_minor" IS NULL OR "budget_minor" >= 0),
	"budget_currency" char(3),
	"status" text NOT NULL DEFAULT 'planned' CHECK ("status" IN ('planned', 'in_progress', 'completed', 'cancelled')),
	"countries" text[] NOT NULL DEFAULT '{}',
	CONSTRAINT "plan_measures_budget_has_currency" CHECK (("budget_minor" IS NULL) = ("budget_currency" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "plan_measures_plan" ON "plan_measures" ("plan_id", "position");
--> statement-breakpoint
CREATE INDEX "plan_measures_owner" ON "plan_measures" ("owner_organisation_id");
--> statement-breakpoint
CREATE TABLE "plan_measure_activities" (
	"measure_id" uuid NOT NULL REFERENCES "plan_measures"("id") ON DELETE CASCADE,
	"activity_id" uuid NOT NULL REFERENCES "activities"("id") ON DELETE CASCADE,
	"plan_id" uuid NOT NULL REFERENCES "plans"("id") ON DELETE CASCADE,
	PRIMARY KEY ("measure_id", "activity_id")
);
--> statement-breakpoint
CREATE INDEX "plan_measure_activities_activity" ON "plan_measure_activities" ("activity_id");
--> statement-breakpoint
CREATE INDEX "plan_measure_activities_plan" ON "plan_measure_activities" ("plan_id");
--> statement-breakpoint
CREATE TABLE "plan_measure_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL REFERENCES "plan_measures"("id") ON DELETE CASCADE,
	"plan_id" uuid NOT NULL REFERENCES "plans"("id") ON DELETE CASCADE,
	"funder_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"currency" char(3) NOT NULL,
	"committed_minor" bigint NOT NULL CHECK ("committed_minor" >= 0),
	"spent_minor" bigint NOT NULL CHECK ("spent_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX "plan_measure_funding_plan" ON "plan_measure_funding" ("plan_id");
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "plans"("id") ON DELETE CASCADE,
	"measure_id" uuid NOT NULL REFERENCES "plan_measures"("id") ON DELETE CASCADE,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL DEFAULT '',
	"unit" text NOT NULL,
	"direction" text NOT NULL CHECK ("direction" IN ('increase', 'decrease')),
	"baseline" jsonb,
	"disaggregated_baselines" jsonb NOT NULL DEFAULT '[]',
	"targets" jsonb NOT NULL DEFAULT '[]',
	"disaggregated_by" text[] NOT NULL DEFAULT '{}',
	"source" jsonb NOT NULL DEFAULT '{"kind":"manual"}'
);
--> statement-breakpoint
CREATE INDEX "plan_indicators_plan" ON "plan_indicators" ("plan_id", "position");
--> statement-breakpoint
CREATE TABLE "plan_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "plans"("id") ON DELETE CASCADE,
	"indicator_id" uuid NOT NULL REFERENCES "plan_indicators"("id") ON DELETE CASCADE,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"sex" text CHECK ("sex" IS NULL OR "sex" IN ('female', 'male', 'other')),
	"age" text CHECK ("age" IS NULL OR "age" IN ('children', 'adults')),
	"value" double precision,
	"narrative" text NOT NULL DEFAULT '',
	"evidence_links" text[] NOT NULL DEFAULT '{}',
	"status" text NOT NULL CHECK ("status" IN ('on_track', 'at_risk', 'off_track')),
	"source_note" text,
	"submitted_by" uuid REFERENCES "users"("id"),
	"submitted_at" timestamptz NOT NULL DEFAULT now(),
	"approved_by" uuid REFERENCES "users"("id"),
	"approved_at" timestamptz,
	CONSTRAINT "plan_progress_reports_period_in_order" CHECK ("period_end" >= "period_start")
);
--> statement-breakpoint
CREATE INDEX "plan_progress_reports_indicator" ON "plan_progress_reports" ("indicator_id", "period_end");
--> statement-breakpoint
CREATE INDEX "plan_progress_reports_plan" ON "plan_progress_reports" ("plan_id");
--> statement-breakpoint
-- Who shapes a plan: administrators, coordinators, and the editors of its coordinating organisation.
CREATE OR REPLACE FUNCTION app_can_shape_plan(plan uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_is_admin() OR app_is_coordinator() OR EXISTS (
    SELECT 1 FROM plans p WHERE p.id = plan AND app_can_edit_for(p.coordinator_organisation_id))
$$;
--> statement-breakpoint
-- Who reports on a measure: those who shape the plan, and the editors of the measure's owner and contributors.
CREATE OR REPLACE FUNCTION app_can_report_on_measure(measure uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM plan_measures m WHERE m.id = measure AND (app_can_shape_plan(m.plan_id)
      OR app_can_edit_for(m.owner_organisation_id)
      OR EXISTS (SELECT 1 FROM unnest(m.contributing_organisation_ids) AS c(org) WHERE app_can_edit_for(c.org))))
$$;
--> statement-breakpoint
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plans_read ON plans FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY plans_create ON plans FOR INSERT WITH CHECK (
  created_by = app_user_id() AND (app_is_admin() OR app_is_coordinator() OR app_can_edit_for(coordinator_organisation_id)));
--> statement-breakpoint
CREATE POLICY plans_change ON plans FOR UPDATE
  USING (app_can_edit_for(coordinator_organisation_id)) WITH CHECK (app_can_edit_for(coordinator_organisation_id));
--> statement-breakpoint
CREATE POLICY plans_remove ON plans FOR DELETE USING (app_can_edit_for(coordinator_organisation_id));
--> statement-breakpoint
ALTER TABLE plan_objectives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_objectives FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_objectives_read ON plan_objectives FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY plan_objectives_write ON plan_objectives FOR ALL
  USING (app_can_shape_plan(plan_id)) WITH CHECK (app_can_shape_plan(plan_id));
--> statement-breakpoint
ALTER TABLE plan_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_measures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_measures_read ON plan_measures FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY plan_measures_write ON plan_measures FOR ALL
  USING (app_can_shape_plan(plan_id)) WITH CHECK (app_can_shape_plan(plan_id));
--> statement-breakpoint
-- A measure's owner reports its status; the use case changes nothing else through this policy.
CREATE POLICY plan_measures_owner_status ON plan_measures FOR UPDATE
  USING (app_can_edit_for(owner_organisation_id)) WITH CHECK (app_can_edit_for(owner_organisation_id));
--> statement-breakpoint
ALTER TABLE plan_measure_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_measure_activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_measure_activities_read ON plan_measure_activities FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY plan_measure_activities_write ON plan_measure_activities FOR ALL
  USING (app_can_shape_plan(plan_id)) WITH CHECK (app_can_shape_plan(plan_id));
--> statement-breakpoint
ALTER TABLE plan_measure_funding ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_measure_funding FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_measure_funding_read ON plan_measure_funding FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY plan_measure_funding_write ON plan_measure_funding FOR ALL
  USING (app_can_shape_plan(plan_id)) WITH CHECK (app_can_shape_plan(plan_id));
--> statement-breakpoint
ALTER TABLE plan_indicators ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_indicators FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_indicators_read ON plan_indicators FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY plan_indicators_write ON plan_indicators FOR ALL
  USING (app_can_shape_plan(plan_id)) WITH CHECK (app_can_shape_plan(plan_id));
--> statement-breakpoint
ALTER TABLE plan_progress_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_progress_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_progress_reports_read ON plan_progress_reports FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
-- A report arrives unapproved from whoever reports on its measure; only the plan's shapers approve it.
CREATE POLICY plan_progress_reports_submit ON plan_progress_reports FOR INSERT WITH CHECK (
  submitted_by = app_user_id() AND (approved_at IS NULL OR app_can_shape_plan(plan_id)) AND EXISTS (
    SELECT 1 FROM plan_indicators i WHERE i.id = indicator_id AND i.plan_id = plan_progress_reports.plan_id
      AND app_can_report_on_measure(i.measure_id)));
--> statement-breakpoint
CREATE POLICY plan_progress_reports_approve ON plan_progress_reports FOR UPDATE
  USING (app_can_shape_plan(plan_id)) WITH CHECK (app_can_shape_plan(plan_id));
--> statement-breakpoint
CREATE POLICY plan_progress_reports_withdraw ON plan_progress_reports FOR DELETE USING (
  app_can_shape_plan(plan_id) OR (approved_at IS NULL AND submitted_by = app_user_id()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plans, plan_objectives, plan_measures, plan_measure_activities,
  plan_measure_funding, plan_indicators, plan_progress_reports TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON plans, plan_objectives, plan_measures, plan_measure_activities, plan_measure_funding,
  plan_indicators, plan_progress_reports FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['plans', 'plan_objectives', 'plan_measures', 'plan_measure_activities',
    'plan_measure_funding', 'plan_indicators', 'plan_progress_reports'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
