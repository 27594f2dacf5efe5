-- Kept findings (migration 0037) are filed per query, and every filter a user tries is a query of its own:
-- at a million activities one query keeps some 55,000 findings. When each query was last asked is kept here,
-- and the findings of queries nobody has asked for a while, or beyond the most recently asked ones, are let go
-- (they are computed again if someone asks).
CREATE TABLE "coverage_findings_queries" (
	"scope" text NOT NULL CHECK ("scope" IN ('published', 'all')),
	"query_key" text NOT NULL,
	"used_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "coverage_findings_queries_pk" PRIMARY KEY ("scope", "query_key")
);
--> statement-breakpoint
CREATE INDEX "coverage_findings_queries_used" ON "coverage_findings_queries" ("scope", "used_at");
--> statement-breakpoint
INSERT INTO coverage_findings_queries (scope, query_key, used_at)
SELECT scope, query_key, max(computed_at) FROM coverage_findings_entries GROUP BY scope, query_key;
--> statement-breakpoint
ALTER TABLE coverage_findings_queries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coverage_findings_queries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_findings_queries_scope ON coverage_findings_queries FOR ALL
  USING (scope = 'published' OR app_user_id() IS NOT NULL)
  WITH CHECK (scope = 'published' OR app_user_id() IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON coverage_findings_queries TO concerted_app;
