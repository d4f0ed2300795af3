-- Version 8: a post records its question's use once. Finishing a post again after a crash (a daily post resumed after
-- its usage row, an /ask finished by the recovery job) records the same use, (guild, schedule, question, posted at),
-- a second time, which made a question look used twice. Duplicates already stored are removed (the first is kept) and
-- a unique index turns the repeated insert into a no-op (INSERT OR IGNORE). Index only, no new table (question_usage is
-- version 2's, STRICT).
DELETE FROM question_usage
WHERE usage_id NOT IN (
    SELECT min(usage_id) FROM question_usage GROUP BY guild_id, ifnull(schedule_id, 0), question_id, used_at);
CREATE UNIQUE INDEX ux_question_usage_post ON question_usage (guild_id, ifnull(schedule_id, 0), question_id, used_at);
