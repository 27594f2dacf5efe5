-- A case's history from the audit trail. The trail's own policy shows case workers only their own entries;
-- someone who may see the case should see everything that happened to it, and nothing else. This function
-- reads the trail as its owner, but only for a case the requester sees under the cases policy: the entries
-- on the case, its person record, its referrals and the break-glass grants on it. Never the IP address.
CREATE OR REPLACE FUNCTION app_case_history(target uuid, before_seq bigint, max_rows integer)
RETURNS TABLE (
  seq bigint, at timestamp with time zone, actor_user_id uuid, actor_name text, action text, outcome text,
  resource_type text, organisation_id uuid, organisation_name text, reason text, details jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
  WITH visible AS (
    SELECT c.id FROM cases c WHERE c.id = target AND app_can_see_case(c.id, c.organisation_id)
  ),
  records AS (
    SELECT 'case'::text AS kind, v.id::text AS record_id FROM visible v
    UNION ALL SELECT 'person', v.id::text FROM visible v
    UNION ALL SELECT 'referral', r.id::text FROM referrals r JOIN visible v ON r.case_id = v.id
    UNION ALL SELECT 'break_glass_grant', g.id::text FROM break_glass_grants g JOIN visible v
      ON g.resource_type = 'case' AND g.resource_id = v.id
  )
  SELECT e.seq, e.at, e.actor_user_id, app_user_display_name(e.actor_user_id), e.action, e.outcome,
         e.resource_type, e.organisation_id, o.name, e.reason, e.details
  FROM records r
  JOIN audit_entries e ON e.resource_type = r.kind AND e.resource_id = r.record_id
  LEFT JOIN organisations o ON o.id = e.organisation_id
  WHERE before_seq IS NULL OR e.seq < before_seq
  ORDER BY e.seq DESC
  LIMIT max_rows
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_case_history(uuid, bigint, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_case_history(uuid, bigint, integer) TO concerted_app;
