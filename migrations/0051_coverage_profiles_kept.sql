-- Country profiles kept with the findings they count: the same per-country computation yields both, and a country's
-- profile goes stale when its findings do. The coverage report then reads every country's profile from what is
-- kept instead of loading every activity into memory. Null: no activity in view and no need in that country.
ALTER TABLE "coverage_findings_entries" ADD COLUMN "profile" jsonb;
--> statement-breakpoint
-- Kept answers from before have no profile: they are computed again when next asked for.
DELETE FROM "coverage_findings_entries";
--> statement-breakpoint
-- The owner's commands (`concerted coverage`) see every activity and so keep answers for signed-in partners'
-- scope: forced row-level security would refuse that to an owner who is not a superuser.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY coverage_findings_entries_owner ON coverage_findings_entries FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY coverage_findings_kept_owner ON coverage_findings_kept FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY coverage_findings_queries_owner ON coverage_findings_queries FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
