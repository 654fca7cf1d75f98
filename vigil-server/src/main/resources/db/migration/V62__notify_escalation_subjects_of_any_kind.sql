-- Incidents escalate too (incident.IncidentEscalationSource), and their ids are UUIDs: a subject id is text now.
ALTER TABLE notification_escalations ALTER COLUMN subject_id TYPE text USING subject_id::text;
