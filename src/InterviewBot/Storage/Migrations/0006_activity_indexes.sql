-- Version 6: indexes for the windowed activity reads (/leaderboard's period, the weekly digest): a guild's answers
-- and reviews in a time range, read straight from (guild_id, created_at) instead of every row of the guild.
-- Indexes only, no new table (the tables they cover are version 1's, all STRICT).
CREATE INDEX ix_answers_guild_created ON answers (guild_id, created_at);
CREATE INDEX ix_reviews_guild_created ON reviews (guild_id, created_at);
