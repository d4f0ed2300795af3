-- Version 2: interview sessions, spaced repetition, server-owned questions, suggestions,
-- thread checkpoints and question usage.

CREATE TABLE interview_sessions (
    session_id            INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    channel_id            INTEGER NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('active', 'finished', 'abandoned')),
    question_ids          TEXT NOT NULL,
    current_index         INTEGER NOT NULL DEFAULT 0 CHECK (current_index >= 0),
    started_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    ended_at              INTEGER
) STRICT;
-- One active interview per member per guild.
CREATE UNIQUE INDEX ux_interview_sessions_active ON interview_sessions (guild_id, user_id) WHERE status = 'active';

CREATE TABLE repetition_states (
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    question_id           TEXT NOT NULL,
    ease_factor           REAL NOT NULL CHECK (ease_factor >= 1.3),
    interval_days         INTEGER NOT NULL CHECK (interval_days >= 0),
    repetitions           INTEGER NOT NULL CHECK (repetitions >= 0),
    lapses                INTEGER NOT NULL CHECK (lapses >= 0),
    due_at                INTEGER NOT NULL,
    last_reviewed_at      INTEGER,
    PRIMARY KEY (guild_id, user_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_repetition_due ON repetition_states (guild_id, user_id, due_at);

CREATE TABLE guild_questions (
    guild_question_id     INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    question_key          TEXT NOT NULL,
    category              TEXT NOT NULL,
    difficulty            TEXT NOT NULL,
    body                  TEXT NOT NULL,
    created_by            INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    deleted_at            INTEGER
) STRICT;
CREATE UNIQUE INDEX ux_guild_questions_key ON guild_questions (guild_id, question_key) WHERE deleted_at IS NULL;

CREATE TABLE disabled_questions (
    guild_id              INTEGER NOT NULL,
    question_id           TEXT NOT NULL,
    disabled_by           INTEGER NOT NULL,
    disabled_at           INTEGER NOT NULL,
    PRIMARY KEY (guild_id, question_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE suggestions (
    suggestion_id         INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    body                  TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    message_id            INTEGER,
    decided_by            INTEGER,
    decided_at            INTEGER,
    decision_reason       TEXT,
    guild_question_id     INTEGER REFERENCES guild_questions (guild_question_id),
    created_at            INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_suggestions_guild ON suggestions (guild_id, status, created_at);

CREATE TABLE thread_checkpoints (
    thread_id             INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    prompt_id             INTEGER REFERENCES prompts (prompt_id),
    last_message_id       INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
) STRICT;

CREATE TABLE question_usage (
    usage_id              INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    schedule_id           INTEGER REFERENCES daily_schedules (schedule_id),
    question_id           TEXT NOT NULL,
    used_at               INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_question_usage_scope ON question_usage (guild_id, schedule_id, used_at);
