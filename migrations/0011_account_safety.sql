-- Organisation administrators manage memberships, never another person's account row; accounts are
-- created by installation administrators; people join an organisation by accepting an invitation.
DROP POLICY users_change ON users;
--> statement-breakpoint
CREATE POLICY users_change ON users FOR UPDATE
  USING (id = app_user_id() OR app_is_admin())
  WITH CHECK (id = app_user_id() OR app_is_admin());
--> statement-breakpoint
DROP POLICY users_create ON users;
--> statement-breakpoint
CREATE POLICY users_create ON users FOR INSERT WITH CHECK (app_is_admin());
--> statement-breakpoint
CREATE TABLE "membership_invitations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE cascade,
  "email" text NOT NULL,
  "role" text NOT NULL,
  "team" text,
  "invited_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  "answered_at" timestamp with time zone,
  "answer" text,
  CONSTRAINT "membership_invitations_role_check" CHECK ("role" in ('admin','coordinator','org_admin','editor','case_manager','case_worker','analyst','viewer')),
  CONSTRAINT "membership_invitations_answer_check" CHECK ("answer" in ('accepted','declined','withdrawn')),
  CONSTRAINT "membership_invitations_email_check" CHECK ("email" = lower("email"))
);
--> statement-breakpoint
-- One open invitation per person and organisation: inviting again refreshes it.
CREATE UNIQUE INDEX "membership_invitations_open_key" ON "membership_invitations" USING btree ("organisation_id","email") WHERE "answered_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "membership_invitations_email_idx" ON "membership_invitations" USING btree ("email");
--> statement-breakpoint
-- The signed-in user's email address, as invitations name people by address.
CREATE OR REPLACE FUNCTION app_user_email() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT lower(email) FROM users WHERE id = app_user_id() $$;
--> statement-breakpoint
ALTER TABLE membership_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY membership_invitations_read ON membership_invitations FOR SELECT USING (
  app_is_admin() OR organisation_id = ANY (app_manage_org_ids()) OR email = app_user_email());
--> statement-breakpoint
CREATE POLICY membership_invitations_create ON membership_invitations FOR INSERT
  WITH CHECK (app_is_admin() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
CREATE POLICY membership_invitations_change ON membership_invitations FOR UPDATE USING (
  app_is_admin() OR organisation_id = ANY (app_manage_org_ids()) OR email = app_user_email());
--> statement-breakpoint
-- The invited person adds their own membership, with exactly the role of an open invitation.
CREATE POLICY memberships_accept ON memberships FOR INSERT WITH CHECK (
  user_id = app_user_id() AND EXISTS (
    SELECT 1 FROM membership_invitations i
    WHERE i.organisation_id = memberships.organisation_id AND i.email = app_user_email()
      AND i.role = memberships.role AND i.answered_at IS NULL AND i.expires_at > now()));
--> statement-breakpoint
-- Member lists are not a break-glass target: break-glass is for victims' records in an emergency.
DROP POLICY memberships_read ON memberships;
--> statement-breakpoint
CREATE POLICY memberships_read ON memberships FOR SELECT USING (
  app_is_admin() OR app_is_coordinator() OR user_id = app_user_id() OR organisation_id = ANY (app_org_ids()));
--> statement-breakpoint
-- Since when the member has held their current role: break-glass counts it, so it restarts on a change.
ALTER TABLE "memberships" ADD COLUMN "role_since" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
UPDATE memberships SET role_since = created_at;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION memberships_track_role_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.role IS DISTINCT FROM OLD.role THEN
    NEW.role_since := now();
  ELSE
    NEW.role_since := OLD.role_since;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_role_since BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_track_role_since();
--> statement-breakpoint
-- Break-glass by someone new to the case role waits for a second person's approval.
ALTER TABLE "break_glass_grants" ADD COLUMN "requires_approval" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "approved_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "approved_by" uuid REFERENCES "users"("id") ON DELETE set null;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION break_glass_refuse_self_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.approved_by IS NOT NULL AND NEW.approved_by = NEW.user_id THEN
    RAISE EXCEPTION 'a break-glass grant must be approved by a second person';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER break_glass_grants_second_person BEFORE INSERT OR UPDATE ON break_glass_grants
  FOR EACH ROW EXECUTE FUNCTION break_glass_refuse_self_approval();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_break_glass(kind text, record_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM break_glass_grants g
     WHERE g.user_id = app_user_id() AND g.resource_type = kind AND g.resource_id = record_id
       AND g.revoked_at IS NULL AND g.expires_at > now()
       AND (NOT g.requires_approval OR g.approved_at IS NOT NULL)) $$;
--> statement-breakpoint
-- The coordinator approves grants too, on any organisation's records.
DROP POLICY break_glass_grants_change ON break_glass_grants;
--> statement-breakpoint
CREATE POLICY break_glass_grants_change ON break_glass_grants FOR UPDATE USING (
  user_id = app_user_id() OR app_is_admin() OR app_is_coordinator() OR organisation_id = ANY (app_org_ids()));
--> statement-breakpoint
-- Tokens made by a token, before tokens were kept from managing the account, cannot be traced to
-- their parent: each is revoked, to be made again from a signed-in session if still needed.
UPDATE api_tokens SET revoked_at = now()
WHERE revoked_at IS NULL AND id::text IN (
  SELECT resource_id FROM audit_entries
  WHERE action = 'account.update' AND actor_via = 'token' AND resource_type = 'api_token' AND outcome = 'allowed');
