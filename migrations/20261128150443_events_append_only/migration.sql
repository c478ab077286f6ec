-- The event log is the operation's record and the source of every live stream and replay: like the
-- audit trail, it is never rewritten. The refusing function now names whichever table was touched.
CREATE OR REPLACE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER operation_events_no_update_delete
  BEFORE UPDATE OR DELETE ON operation_events
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
--> statement-breakpoint
CREATE TRIGGER operation_events_no_truncate
  BEFORE TRUNCATE ON operation_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
