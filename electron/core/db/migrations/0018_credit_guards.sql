-- A rating model version is what past ratings were computed with: it may be added, never changed.
CREATE TRIGGER `credit_models_no_update` BEFORE UPDATE ON `credit_models`
BEGIN
  SELECT RAISE(ABORT, '评级模型的已有版本不可修改，请保存为新版本');
END;
--> statement-breakpoint
CREATE TRIGGER `credit_models_no_delete` BEFORE DELETE ON `credit_models`
BEGIN
  SELECT RAISE(ABORT, '评级模型的已有版本不可删除');
END;
--> statement-breakpoint
-- A rating keeps its inputs and score for ever, so that it can be explained; only a proposed rating may
-- be approved (with a grade and reason) or superseded.
CREATE TRIGGER `credit_ratings_no_delete` BEFORE DELETE ON `credit_ratings`
BEGIN
  SELECT RAISE(ABORT, '信用评级记录不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `credit_ratings_frozen` BEFORE UPDATE ON `credit_ratings`
WHEN OLD.status <> 'proposed' OR NEW.inputs IS NOT OLD.inputs OR NEW.score_x100 IS NOT OLD.score_x100 OR NEW.model_id IS NOT OLD.model_id
  OR NEW.model_version IS NOT OLD.model_version OR NEW.as_of IS NOT OLD.as_of OR NEW.computed_grade IS NOT OLD.computed_grade
  OR NEW.subject_key IS NOT OLD.subject_key OR NEW.rated_by IS NOT OLD.rated_by OR NEW.rated_at IS NOT OLD.rated_at
BEGIN
  SELECT RAISE(ABORT, '信用评级的计算结果不可修改，只能审批待审批的评级');
END;
