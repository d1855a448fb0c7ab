-- A month-end indicator snapshot is what was reported for that month: it may be added, never changed.
CREATE TRIGGER `indicator_snapshots_no_update` BEFORE UPDATE ON `indicator_snapshots`
BEGIN
  SELECT RAISE(ABORT, '指标快照不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_snapshots_no_delete` BEFORE DELETE ON `indicator_snapshots`
BEGIN
  SELECT RAISE(ABORT, '指标快照不可删除');
END;
--> statement-breakpoint
-- Evidence rows carry the checksum of the stored file; rewriting them would hide a swapped file.
CREATE TRIGGER `task_files_no_update` BEFORE UPDATE ON `task_files`
BEGIN
  SELECT RAISE(ABORT, '佐证材料记录不可修改');
END;
