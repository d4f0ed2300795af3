-- Version 1: guild settings, daily schedules, prompts, the daily-post ledger, answers, reviews.
-- Conventions: snowflakes and unix-millisecond UTC timestamps are INTEGER, booleans are INTEGER 0/1,
-- local dates are TEXT yyyy-MM-dd, text is stored exactly as the member wrote it. Every table is STRICT.

CREATE TABLE guild_settings (
    guild_id              INTEGER PRIMARY KEY,
    log_channel_id        INTEGER,
    review_channel_id     INTEGER,
    blind_mode            INTEGER NOT NULL DEFAULT 0 CHECK (blind_mode IN (0, 1)),
    reveal_delay_minutes  INTEGER NOT NULL DEFAULT 1440 CHECK (reveal_delay_minutes >= 0),
    anonymous_reviews     INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_reviews IN (0, 1)),
    digest_enabled        INTEGER NOT NULL DEFAULT 0 CHECK (digest_enabled IN (0, 1)),
    digest_channel_id     INTEGER,
    digest_weekday        INTEGER NOT NULL DEFAULT 1 CHECK (digest_weekday BETWEEN 0 AND 6),
    digest_local_time     TEXT NOT NULL DEFAULT '18:00',
    digest_time_zone      TEXT NOT NULL DEFAULT 'Etc/UTC',
    -- NULL keeps answers and reviews forever (the default).
    retention_days        INTEGER CHECK (retention_days IS NULL OR retention_days > 0),
    updated_at            INTEGER NOT NULL
) STRICT;

CREATE TABLE daily_schedules (
    schedule_id           INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    name                  TEXT NOT NULL,
    channel_id            INTEGER NOT NULL,
    local_time            TEXT NOT NULL,
    time_zone             TEXT NOT NULL,
    weekdays              INTEGER NOT NULL DEFAULT 127 CHECK (weekdays BETWEEN 1 AND 127),
    categories            TEXT NOT NULL DEFAULT '',
    difficulty            TEXT,
    reveal_after_minutes  INTEGER CHECK (reveal_after_minutes IS NULL OR reveal_after_minutes >= 0),
    ping_role_id          INTEGER,
    paused                INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    skip_next             INTEGER NOT NULL DEFAULT 0 CHECK (skip_next IN (0, 1)),
    grace_minutes         INTEGER NOT NULL DEFAULT 360 CHECK (grace_minutes >= 0),
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    -- Schedules are soft-deleted so the prompts and ledger rows that name them keep their meaning.
    deleted_at            INTEGER
) STRICT;
CREATE UNIQUE INDEX ux_daily_schedules_name ON daily_schedules (guild_id, name) WHERE deleted_at IS NULL;

CREATE TABLE prompts (
    prompt_id             INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    channel_id            INTEGER NOT NULL,
    message_id            INTEGER NOT NULL UNIQUE,
    thread_id             INTEGER UNIQUE,
    question_id           TEXT NOT NULL,
    source                TEXT NOT NULL CHECK (source IN ('daily', 'ask', 'interview')),
    asked_by              INTEGER,
    posted_at             INTEGER NOT NULL,
    reveal_at             INTEGER,
    revealing_at          INTEGER,
    revealed_at           INTEGER,
    local_date            TEXT,
    schedule_id           INTEGER REFERENCES daily_schedules (schedule_id),
    CHECK (source <> 'daily' OR (schedule_id IS NOT NULL AND local_date IS NOT NULL))
) STRICT;
-- One daily prompt per schedule per local date, whatever the code above it does.
CREATE UNIQUE INDEX ux_prompts_daily ON prompts (schedule_id, local_date) WHERE source = 'daily';
CREATE INDEX ix_prompts_guild ON prompts (guild_id, posted_at);
CREATE INDEX ix_prompts_reveal_due ON prompts (reveal_at) WHERE revealed_at IS NULL;

-- The exactly-once ledger for daily posts: claim, message posted, thread opened, completed (or skipped).
CREATE TABLE daily_posts (
    schedule_id           INTEGER NOT NULL REFERENCES daily_schedules (schedule_id),
    local_date            TEXT NOT NULL,
    guild_id              INTEGER NOT NULL,
    channel_id            INTEGER NOT NULL,
    question_id           TEXT,
    claimed_at            INTEGER NOT NULL,
    message_id            INTEGER,
    thread_id             INTEGER,
    prompt_id             INTEGER REFERENCES prompts (prompt_id),
    completed_at          INTEGER,
    skipped_reason        TEXT,
    PRIMARY KEY (schedule_id, local_date)
) STRICT;
CREATE INDEX ix_daily_posts_open ON daily_posts (claimed_at) WHERE completed_at IS NULL;

CREATE TABLE answers (
    answer_id             INTEGER PRIMARY KEY,
    prompt_id             INTEGER NOT NULL REFERENCES prompts (prompt_id),
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    is_private            INTEGER NOT NULL DEFAULT 0 CHECK (is_private IN (0, 1)),
    is_late               INTEGER NOT NULL DEFAULT 0 CHECK (is_late IN (0, 1)),
    covered_key_points    TEXT,
    key_point_count       INTEGER,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    UNIQUE (prompt_id, user_id)
) STRICT;
CREATE INDEX ix_answers_member ON answers (guild_id, user_id);
CREATE INDEX ix_answers_created ON answers (created_at);

-- An answer is the member's messages in the thread, in message-id order; deleted parts stay, marked.
CREATE TABLE answer_parts (
    message_id            INTEGER PRIMARY KEY,
    answer_id             INTEGER NOT NULL REFERENCES answers (answer_id) ON DELETE CASCADE,
    content               TEXT NOT NULL,
    created_at            INTEGER NOT NULL,
    edited_at             INTEGER,
    deleted_at            INTEGER
) STRICT;
CREATE INDEX ix_answer_parts_answer ON answer_parts (answer_id, message_id);

CREATE TABLE reviews (
    review_id             INTEGER PRIMARY KEY,
    answer_id             INTEGER NOT NULL REFERENCES answers (answer_id) ON DELETE CASCADE,
    guild_id              INTEGER NOT NULL,
    reviewer_id           INTEGER NOT NULL,
    correctness           INTEGER NOT NULL CHECK (correctness BETWEEN 1 AND 5),
    depth                 INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 5),
    clarity               INTEGER NOT NULL CHECK (clarity BETWEEN 1 AND 5),
    comment               TEXT,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    UNIQUE (answer_id, reviewer_id)
) STRICT;
CREATE INDEX ix_reviews_reviewer ON reviews (guild_id, reviewer_id);
CREATE INDEX ix_reviews_created ON reviews (created_at);

CREATE TABLE helpful_votes (
    review_id             INTEGER NOT NULL REFERENCES reviews (review_id) ON DELETE CASCADE,
    voter_id              INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    PRIMARY KEY (review_id, voter_id)
) STRICT, WITHOUT ROWID;
