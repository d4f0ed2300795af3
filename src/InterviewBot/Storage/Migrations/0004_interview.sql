-- Version 4: what /interview, the recall buttons and reminders need beyond version 2's interview_sessions and
-- repetition_states: each session's options, one row per question asked in a session, a log of spaced-repetition
-- reviews (so a grade button replaces the automatic grade of exactly that review) and reminder deliveries.

CREATE TABLE interview_session_options (
    session_id            INTEGER PRIMARY KEY REFERENCES interview_sessions (session_id) ON DELETE CASCADE,
    track                 TEXT NOT NULL,
    minutes_per_question  INTEGER NOT NULL CHECK (minutes_per_question BETWEEN 1 AND 60),
    feedback_at_end       INTEGER NOT NULL DEFAULT 0 CHECK (feedback_at_end IN (0, 1)),
    public_thread         INTEGER NOT NULL DEFAULT 0 CHECK (public_thread IN (0, 1))
) STRICT;

CREATE TABLE interview_questions (
    session_id            INTEGER NOT NULL REFERENCES interview_sessions (session_id) ON DELETE CASCADE,
    question_index        INTEGER NOT NULL CHECK (question_index >= 0),
    question_id           TEXT NOT NULL,
    -- The bot's message asking the question: the member's answer is every message of theirs after it.
    message_id            INTEGER NOT NULL,
    asked_at              INTEGER NOT NULL,
    deadline_at           INTEGER NOT NULL,
    ended_at              INTEGER,
    outcome               TEXT CHECK (outcome IN ('answered', 'expired', 'skipped', 'stopped')),
    answer_text           TEXT,
    covered_key_points    TEXT,
    covered_count         INTEGER,
    key_point_count       INTEGER,
    review_id             INTEGER,
    PRIMARY KEY (session_id, question_index)
) STRICT;

CREATE TABLE repetition_reviews (
    review_id             INTEGER PRIMARY KEY,
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    question_id           TEXT NOT NULL,
    -- The state before this review (NULL columns: the question was new), so the review can be redone with another grade.
    before_ease_factor    REAL,
    before_interval_days  INTEGER,
    before_repetitions    INTEGER,
    before_lapses         INTEGER,
    before_due_at         INTEGER,
    before_last_reviewed_at INTEGER,
    grade                 INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    graded_by_member      INTEGER NOT NULL DEFAULT 0 CHECK (graded_by_member IN (0, 1)),
    reviewed_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_repetition_reviews_member ON repetition_reviews (guild_id, user_id, question_id, reviewed_at);

-- Reminder delivery per member (the settings are in version 4's member_settings): at most one DM a day wherever
-- reminders are on, and no more attempts once Discord refused a DM with 403.
CREATE TABLE reminder_deliveries (
    user_id               INTEGER PRIMARY KEY,
    -- The member's local date of the last reminder sent (or attempted).
    last_sent_date        TEXT,
    -- Set when a DM failed with 403; cleared when the member runs /settings reminders:on again.
    undeliverable_at      INTEGER,
    updated_at            INTEGER NOT NULL
) STRICT;
