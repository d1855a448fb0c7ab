-- Front desk defaults: the production links of the reference (耕 种 防 收 + 烘干), common crops of
-- Yunyang with the links offered for each, and the provincial subsidy rule (30% of the price, at
-- most 100 元/亩/季). All are editable lists; links and crops are looked up by name so this file
-- does not depend on row ids.
INSERT OR IGNORE INTO service_links (name, sort, core) VALUES ('耕', 1, 1), ('种', 2, 1), ('防', 3, 1), ('收', 4, 1), ('烘干', 5, 0);
--> statement-breakpoint
INSERT OR IGNORE INTO service_crops (name, sort, links)
SELECT c.name, c.sort, (SELECT json_group_array(l.id) FROM (SELECT id FROM service_links WHERE instr(c.links, '|' || name || '|') > 0 ORDER BY sort) l)
FROM (
  SELECT '水稻' AS name, 1 AS sort, '|耕|种|防|收|烘干|' AS links
  UNION ALL SELECT '玉米', 2, '|耕|种|防|收|烘干|'
  UNION ALL SELECT '小麦', 3, '|耕|种|防|收|烘干|'
  UNION ALL SELECT '油菜', 4, '|耕|种|防|收|'
  UNION ALL SELECT '马铃薯', 5, '|耕|种|防|收|'
  UNION ALL SELECT '红薯', 6, '|耕|种|收|'
  UNION ALL SELECT '蔬菜', 7, '|耕|种|防|'
  UNION ALL SELECT '柑橘', 8, '|防|'
  UNION ALL SELECT '中药材', 9, '|耕|防|'
) c;
--> statement-breakpoint
INSERT INTO subsidy_rules (name, share_bp, cap_fen_per_mu, crop_id, valid_from, valid_to, notes, created_at, updated_at)
SELECT '农业生产托管服务补助', 3000, 10000, NULL, '2020-01-01', '', '省级文件常见口径：不超过服务价格的 30%，每季每亩不超过 100 元', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE NOT EXISTS (SELECT 1 FROM subsidy_rules);
