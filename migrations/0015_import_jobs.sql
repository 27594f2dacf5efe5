-- Imports that run after their request has been answered: what was sent (name and size, never the
-- content), how far the import has got, and its report or problem. A job is its starter's own; the
-- installation-wide roles see every job, as they see every import's effects.
CREATE TABLE "import_jobs" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "kind" text NOT NULL,
  "state" text DEFAULT 'queued' NOT NULL,
  "file_name" text,
  "byte_size" bigint NOT NULL,
  "options" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "progress" jsonb DEFAULT '{"phase":"queued","rowsRead":0,"rowsWritten":0}'::jsonb NOT NULL,
  "result" jsonb,
  "problem" jsonb,
  "started_by" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
  "organisation_id" uuid REFERENCES "organisations"("id") ON DELETE set null,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "started_at" timestamp with time zone,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "finished_at" timestamp with time zone,
  CONSTRAINT "import_jobs_kind_check" CHECK ("kind" in ('activities','statistics')),
  CONSTRAINT "import_jobs_state_check" CHECK ("state" in ('queued','running','succeeded','failed')),
  CONSTRAINT "import_jobs_byte_size_check" CHECK ("byte_size" >= 0)
);
--> statement-breakpoint
CREATE INDEX "import_jobs_started_by_idx" ON "import_jobs" USING btree ("started_by","created_at");
--> statement-breakpoint
-- Jobs a stopped process left behind are found at start-up by their state.
CREATE INDEX "import_jobs_unfinished_idx" ON "import_jobs" USING btree ("state") WHERE "state" in ('queued','running');
--> statement-breakpoint
ALTER TABLE import_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE import_jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY import_jobs_read ON import_jobs FOR SELECT USING (
  started_by = app_user_id() OR app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
CREATE POLICY import_jobs_create ON import_jobs FOR INSERT WITH CHECK (started_by = app_user_id());
--> statement-breakpoint
-- Only the import the starter runs moves its job on; nobody else's request can change it.
CREATE POLICY import_jobs_progress ON import_jobs FOR UPDATE
  USING (started_by = app_user_id()) WITH CHECK (started_by = app_user_id());
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON import_jobs FROM concerted_app;
