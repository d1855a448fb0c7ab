-- The record of what was sent upward is evidence: rows may be added, never changed or removed.
CREATE TRIGGER `report_exports_no_update` BEFORE UPDATE ON `report_exports`
BEGIN
  SELECT RAISE(ABORT, '上报记录不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `report_exports_no_delete` BEFORE DELETE ON `report_exports`
BEGIN
  SELECT RAISE(ABORT, '上报记录不可删除');
END;
