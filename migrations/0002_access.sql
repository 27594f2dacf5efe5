CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"roles" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"team" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id"),
	CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('admin','coordinator','org_admin','editor','case_manager','case_worker','analyst','viewer'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"second_factor_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_identities" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_identities_issuer_subject_pk" PRIMARY KEY("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"password_changed_at" timestamp with time zone,
	"totp_secret_sealed" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_via" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"organisation_id" uuid,
	"reason" text,
	"ip_address" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acronym" text,
	"actor_type" text NOT NULL,
	"headquarters_iso3" char(3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_headquarters_iso3_countries_iso3_fk" FOREIGN KEY ("headquarters_iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "break_glass_grants_user_idx" ON "break_glass_grants" USING btree ("user_id","resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "break_glass_grants_organisation_idx" ON "break_glass_grants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_identities_user_idx" ON "user_identities" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_resource_idx" ON "audit_entries" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "audit_entries_organisation_idx" ON "audit_entries" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_name_key" ON "organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "organisations_actor_type_idx" ON "organisations" USING btree ("actor_type");--> statement-breakpoint
-- Requests run as concerted_app; the connecting user must be able to SET ROLE to it.
DO $$
BEGIN
  EXECUTE format('GRANT concerted_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO concerted_app;
--> statement-breakpoint
-- Who is asking, set per transaction by the server (set_config(..., true)); empty outside a request.
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_org_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.org_ids', true), ''), '{}')::uuid[] $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_manage_org_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.manage_org_ids', true), ''), '{}')::uuid[] $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_admin() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.is_admin', true), '') = 'on' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_coordinator() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.is_coordinator', true), '') = 'on' $$;
--> statement-breakpoint
-- Security definer: policies on other tables consult the grants without the grants' own policy.
CREATE OR REPLACE FUNCTION app_has_break_glass(kind text, record_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM break_glass_grants g
     WHERE g.user_id = app_user_id() AND g.resource_type = kind AND g.resource_id = record_id
       AND g.revoked_at IS NULL AND g.expires_at > now()) $$;
--> statement-breakpoint
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organisations_read ON organisations FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY organisations_create ON organisations FOR INSERT WITH CHECK (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
CREATE POLICY organisations_change ON organisations FOR UPDATE
  USING (app_is_admin() OR app_is_coordinator() OR id = ANY (app_manage_org_ids()));
--> statement-breakpoint
CREATE POLICY organisations_remove ON organisations FOR DELETE USING (app_is_admin());
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_read ON memberships FOR SELECT USING (
  app_is_admin() OR app_is_coordinator() OR user_id = app_user_id()
  OR organisation_id = ANY (app_org_ids()) OR app_has_break_glass('organisation', organisation_id));
--> statement-breakpoint
CREATE POLICY memberships_create ON memberships FOR INSERT
  WITH CHECK (app_is_admin() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
CREATE POLICY memberships_change ON memberships FOR UPDATE
  USING (app_is_admin() OR organisation_id = ANY (app_manage_org_ids()))
  WITH CHECK (app_is_admin() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
CREATE POLICY memberships_remove ON memberships FOR DELETE
  USING (app_is_admin() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT USING (
  id = app_user_id() OR app_is_admin() OR app_is_coordinator()
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)
  -- An organisation sees who broke the glass on its records.
  OR EXISTS (SELECT 1 FROM break_glass_grants g
             WHERE g.user_id = users.id AND g.organisation_id = ANY (app_org_ids())));
--> statement-breakpoint
CREATE POLICY users_create ON users FOR INSERT
  WITH CHECK (app_is_admin() OR cardinality(app_manage_org_ids()) > 0);
--> statement-breakpoint
CREATE POLICY users_change ON users FOR UPDATE USING (
  id = app_user_id() OR app_is_admin()
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.organisation_id = ANY (app_manage_org_ids())));
--> statement-breakpoint
CREATE POLICY users_remove ON users FOR DELETE USING (app_is_admin());
--> statement-breakpoint
ALTER TABLE user_identities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_identities_own ON user_identities FOR ALL
  USING (user_id = app_user_id() OR app_is_admin()) WITH CHECK (user_id = app_user_id() OR app_is_admin());
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sessions_own ON sessions FOR ALL USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_tokens_own ON api_tokens FOR ALL USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE break_glass_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY break_glass_grants_read ON break_glass_grants FOR SELECT USING (
  user_id = app_user_id() OR app_is_admin() OR app_is_coordinator() OR organisation_id = ANY (app_org_ids()));
--> statement-breakpoint
CREATE POLICY break_glass_grants_create ON break_glass_grants FOR INSERT WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
CREATE POLICY break_glass_grants_change ON break_glass_grants FOR UPDATE USING (
  user_id = app_user_id() OR app_is_admin() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
REVOKE ALL ON sign_in_throttle FROM concerted_app;
--> statement-breakpoint
-- The audit trail: requests may add entries and read those their role allows, never change one.
ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM concerted_app;
--> statement-breakpoint
CREATE POLICY audit_entries_read ON audit_entries FOR SELECT USING (
  app_is_admin() OR app_is_coordinator() OR actor_user_id = app_user_id()
  OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
CREATE POLICY audit_entries_append ON audit_entries FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
--> statement-breakpoint
-- The chain's last link, read under a transaction-scoped lock so that appends form one chain;
-- security definer because a requester's policy would hide other people's entries.
CREATE OR REPLACE FUNCTION audit_chain_tip(OUT tip_seq bigint, OUT tip_hash text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7250302);
  SELECT e.seq, e.hash INTO tip_seq, tip_hash FROM audit_entries e ORDER BY e.seq DESC LIMIT 1;
  IF NOT FOUND THEN
    tip_seq := 0;
    tip_hash := repeat('0', 64);
  END IF;
END
$$;
