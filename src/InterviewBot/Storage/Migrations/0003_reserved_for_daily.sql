-- Version 3 is reserved for the daily feature's migration (see FEATURE-BRIEF: daily=0003, review=0004).
-- The migrator requires numbers without gaps, so this placeholder lets 0004 run on a branch where the daily
-- feature's script is not merged yet. When daily's 0003 lands, delete this file (two version-3 scripts stop start-up).
SELECT 1;
