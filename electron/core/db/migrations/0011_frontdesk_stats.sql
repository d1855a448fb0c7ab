-- Keeps service_rollups equal to the sums of service_records per month and per value of each statistics
-- dimension ('' = the month's total), whatever writes the records: every insert adds its contribution, every
-- delete takes it away, every update does both. A year's statistics then read a few hundred rollup rows.
CREATE TRIGGER service_records_rollup_insert AFTER INSERT ON service_records BEGIN
  INSERT INTO service_rollups (dim, month, key, mu_times100, fee_fen, subsidy_fen, paid_fen, records) VALUES
    ('', substr(NEW.done_on, 1, 7), '', NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('township', substr(NEW.done_on, 1, 7), coalesce(CAST(NEW.township_id AS TEXT), ''), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('crop', substr(NEW.done_on, 1, 7), coalesce(CAST(NEW.crop_id AS TEXT), ''), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('link', substr(NEW.done_on, 1, 7), CAST(NEW.link_id AS TEXT), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('provider', substr(NEW.done_on, 1, 7), coalesce(CAST(NEW.provider_id AS TEXT), ''), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('kind', substr(NEW.done_on, 1, 7), NEW.kind, NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1)
  ON CONFLICT (dim, month, key) DO UPDATE SET mu_times100 = mu_times100 + excluded.mu_times100, fee_fen = fee_fen + excluded.fee_fen,
    subsidy_fen = subsidy_fen + excluded.subsidy_fen, paid_fen = paid_fen + excluded.paid_fen, records = records + excluded.records;
END;
--> statement-breakpoint
CREATE TRIGGER service_records_rollup_delete AFTER DELETE ON service_records BEGIN
  INSERT INTO service_rollups (dim, month, key, mu_times100, fee_fen, subsidy_fen, paid_fen, records) VALUES
    ('', substr(OLD.done_on, 1, 7), '', -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('township', substr(OLD.done_on, 1, 7), coalesce(CAST(OLD.township_id AS TEXT), ''), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('crop', substr(OLD.done_on, 1, 7), coalesce(CAST(OLD.crop_id AS TEXT), ''), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('link', substr(OLD.done_on, 1, 7), CAST(OLD.link_id AS TEXT), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('provider', substr(OLD.done_on, 1, 7), coalesce(CAST(OLD.provider_id AS TEXT), ''), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('kind', substr(OLD.done_on, 1, 7), OLD.kind, -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1)
  ON CONFLICT (dim, month, key) DO UPDATE SET mu_times100 = mu_times100 + excluded.mu_times100, fee_fen = fee_fen + excluded.fee_fen,
    subsidy_fen = subsidy_fen + excluded.subsidy_fen, paid_fen = paid_fen + excluded.paid_fen, records = records + excluded.records;
END;
--> statement-breakpoint
CREATE TRIGGER service_records_rollup_update AFTER UPDATE ON service_records BEGIN
  INSERT INTO service_rollups (dim, month, key, mu_times100, fee_fen, subsidy_fen, paid_fen, records) VALUES
    ('', substr(OLD.done_on, 1, 7), '', -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('township', substr(OLD.done_on, 1, 7), coalesce(CAST(OLD.township_id AS TEXT), ''), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('crop', substr(OLD.done_on, 1, 7), coalesce(CAST(OLD.crop_id AS TEXT), ''), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('link', substr(OLD.done_on, 1, 7), CAST(OLD.link_id AS TEXT), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('provider', substr(OLD.done_on, 1, 7), coalesce(CAST(OLD.provider_id AS TEXT), ''), -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1),
    ('kind', substr(OLD.done_on, 1, 7), OLD.kind, -OLD.mu_times100, -OLD.fee_fen, -OLD.subsidy_fen, -OLD.paid_fen, -1)
  ON CONFLICT (dim, month, key) DO UPDATE SET mu_times100 = mu_times100 + excluded.mu_times100, fee_fen = fee_fen + excluded.fee_fen,
    subsidy_fen = subsidy_fen + excluded.subsidy_fen, paid_fen = paid_fen + excluded.paid_fen, records = records + excluded.records;
  INSERT INTO service_rollups (dim, month, key, mu_times100, fee_fen, subsidy_fen, paid_fen, records) VALUES
    ('', substr(NEW.done_on, 1, 7), '', NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('township', substr(NEW.done_on, 1, 7), coalesce(CAST(NEW.township_id AS TEXT), ''), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('crop', substr(NEW.done_on, 1, 7), coalesce(CAST(NEW.crop_id AS TEXT), ''), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('link', substr(NEW.done_on, 1, 7), CAST(NEW.link_id AS TEXT), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('provider', substr(NEW.done_on, 1, 7), coalesce(CAST(NEW.provider_id AS TEXT), ''), NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1),
    ('kind', substr(NEW.done_on, 1, 7), NEW.kind, NEW.mu_times100, NEW.fee_fen, NEW.subsidy_fen, NEW.paid_fen, 1)
  ON CONFLICT (dim, month, key) DO UPDATE SET mu_times100 = mu_times100 + excluded.mu_times100, fee_fen = fee_fen + excluded.fee_fen,
    subsidy_fen = subsidy_fen + excluded.subsidy_fen, paid_fen = paid_fen + excluded.paid_fen, records = records + excluded.records;
END;
--> statement-breakpoint
INSERT INTO service_rollups (dim, month, key, mu_times100, fee_fen, subsidy_fen, paid_fen, records)
SELECT d.dim, substr(s.done_on, 1, 7),
  CASE d.dim WHEN 'township' THEN coalesce(CAST(s.township_id AS TEXT), '') WHEN 'crop' THEN coalesce(CAST(s.crop_id AS TEXT), '') WHEN 'link' THEN CAST(s.link_id AS TEXT)
    WHEN 'provider' THEN coalesce(CAST(s.provider_id AS TEXT), '') WHEN 'kind' THEN s.kind ELSE '' END AS k,
  sum(s.mu_times100), sum(s.fee_fen), sum(s.subsidy_fen), sum(s.paid_fen), count(*)
FROM service_records s, (SELECT '' AS dim UNION ALL SELECT 'township' UNION ALL SELECT 'crop' UNION ALL SELECT 'link' UNION ALL SELECT 'provider' UNION ALL SELECT 'kind') d
WHERE true
GROUP BY d.dim, substr(s.done_on, 1, 7), k
ON CONFLICT (dim, month, key) DO NOTHING;

--> statement-breakpoint
-- Statistics by link count requests per link by the day they were received, completed and followed up;
-- each request_links row carries its request's dates and satisfaction, copied on insert and on every change.
CREATE TRIGGER request_links_dates_insert AFTER INSERT ON request_links BEGIN
  UPDATE request_links SET
    received_on = (SELECT received_on FROM service_requests WHERE id = NEW.request_id),
    done_on = (SELECT done_on FROM service_requests WHERE id = NEW.request_id),
    followed_on = (SELECT followed_on FROM service_requests WHERE id = NEW.request_id),
    satisfaction = (SELECT satisfaction FROM service_requests WHERE id = NEW.request_id)
  WHERE request_id = NEW.request_id AND link_id = NEW.link_id;
END;
--> statement-breakpoint
CREATE TRIGGER service_requests_dates_update AFTER UPDATE OF received_on, done_on, followed_on, satisfaction ON service_requests BEGIN
  UPDATE request_links SET received_on = NEW.received_on, done_on = NEW.done_on, followed_on = NEW.followed_on, satisfaction = NEW.satisfaction
  WHERE request_id = NEW.id;
END;
--> statement-breakpoint
UPDATE request_links SET
  received_on = (SELECT received_on FROM service_requests r WHERE r.id = request_links.request_id),
  done_on = (SELECT done_on FROM service_requests r WHERE r.id = request_links.request_id),
  followed_on = (SELECT followed_on FROM service_requests r WHERE r.id = request_links.request_id),
  satisfaction = (SELECT satisfaction FROM service_requests r WHERE r.id = request_links.request_id);
