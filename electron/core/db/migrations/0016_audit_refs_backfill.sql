-- Index the records named by audit rows written before audit_refs existed.
INSERT INTO `audit_refs` (`audit_id`, `entity`, `entity_id`)
SELECT DISTINCT a.`id`, a.`entity`, CAST(j.`value` AS TEXT) FROM `audit_log` a, json_each(a.`entity_ids`) j;
