-- Version 7: one member's answers oldest first (/stats, docs/storage.md "Activity reads"). With only
-- (guild_id, user_id) the planner preferred walking the guild in created_at order through version 6's
-- ix_answers_guild_created, reading every answer of the guild for one member's. Index only, no new table (answers is
-- version 1's, STRICT).
DROP INDEX ix_answers_member;
CREATE INDEX ix_answers_member_created ON answers (guild_id, user_id, created_at);
