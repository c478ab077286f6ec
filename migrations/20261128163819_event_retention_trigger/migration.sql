-- Retention: an event may be deleted once, and only once, the operation's pruned-through horizon
-- has been moved past it, in the same transaction, by the retention job. Any other delete, every
-- update and every truncate are still refused: the log is never rewritten, only shortened from
-- its old end, and whoever resumes from before that end is told so.
DROP TRIGGER operation_events_no_update_delete ON operation_events;
--> statement-breakpoint
CREATE TRIGGER operation_events_no_update
  BEFORE UPDATE ON operation_events
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
--> statement-breakpoint
CREATE FUNCTION operation_events_refuse_unexpired_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.seq <= (SELECT events_pruned_through_seq FROM operations WHERE id = OLD.operation_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'operation_events is append-only: DELETE refused for an event within retention' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER operation_events_delete_only_expired
  BEFORE DELETE ON operation_events
  FOR EACH ROW EXECUTE FUNCTION operation_events_refuse_unexpired_delete();
