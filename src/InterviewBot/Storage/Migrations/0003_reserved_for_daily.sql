-- Version 3 is reserved for the daily feature's migration (see FEATURE-BRIEF: daily=0003, review=0004,
-- interview=0005, community=0006, reliability=0007). The migrator requires numbers without gaps, so this placeholder
-- lets 0007 run on a branch where that script is not merged yet. When the daily feature's 0003 lands, delete this
-- file (two version-3 scripts stop start-up). No tables here, so nothing to make STRICT.
SELECT 1;
