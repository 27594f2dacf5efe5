-- Version history follows its activity's visibility, and who acted is shown by name to signed-in people.
DROP POLICY IF EXISTS activity_versions_read ON activity_versions;
--> statement-breakpoint
-- The public sees a published version of an activity that is published now; an unpublished activity's
-- history (its earlier published snapshots included) is for signed-in partners only.
CREATE POLICY activity_versions_read ON activity_versions FOR SELECT
  USING (app_user_id() IS NOT NULL OR (is_published AND EXISTS (
    SELECT 1 FROM activities a WHERE a.id = activity_versions.activity_id AND a.is_published)));
--> statement-breakpoint
-- A person's display name for the version history and the audit trail: to signed-in requesters only,
-- whatever rows of users they may read (a partner sees who changed a shared record, never more).
CREATE OR REPLACE FUNCTION app_user_display_name(person uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT u.display_name FROM users u WHERE u.id = person AND app_user_id() IS NOT NULL $$;
