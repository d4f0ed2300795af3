-- Version 6: indexes for the activity reads (docs/storage.md, "Activity reads"). Indexes only, no new table (the
-- tables they cover are version 1's, all STRICT).
-- A guild's answers and reviews in a time range (/leaderboard's period, the weekly digest), by range on created_at
-- instead of every row of the guild.
CREATE INDEX ix_answers_guild_created ON answers (guild_id, created_at);
CREATE INDEX ix_reviews_guild_created ON reviews (guild_id, created_at);
-- One member's answers oldest first (/stats): with only (guild_id, user_id) the planner preferred walking the guild
-- in created_at order above, reading every answer of the guild for one member's.
DROP INDEX ix_answers_member;
CREATE INDEX ix_answers_member_created ON answers (guild_id, user_id, created_at);
