-- Search index for the member registry (see electron/core/members/keys.ts for the tokens).
-- Contentless: the tables keep only the inverted index; rowid is the record id. Rows are written by
-- the registry's service functions because pinyin keys are computed in JavaScript.
CREATE VIRTUAL TABLE `households_fts` USING fts5(name, uni, head, tail, num, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, prefix = '2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `orgs_fts` USING fts5(name, uni, head, tail, num, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, prefix = '2 3');
--> statement-breakpoint
-- The three industries the county plan names; the list stays editable.
INSERT OR IGNORE INTO `industries` (`name`, `sort`) VALUES ('柑橘', 1), ('中药材', 2), ('生猪', 3);
