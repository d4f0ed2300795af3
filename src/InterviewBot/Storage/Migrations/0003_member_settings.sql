-- Version 3: per-member settings, streak restores, and the thread message that shows each peer review.

-- One row per member per guild; a member without a row has the defaults.
CREATE TABLE member_settings (
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    -- 0 = the member turned review notifications off with /settings notifications:off.
    notifications         INTEGER NOT NULL DEFAULT 1 CHECK (notifications IN (0, 1)),
    -- For the interview feature's practice reminders.
    reminders_enabled     INTEGER NOT NULL DEFAULT 0 CHECK (reminders_enabled IN (0, 1)),
    reminder_hour         INTEGER CHECK (reminder_hour IS NULL OR reminder_hour BETWEEN 0 AND 23),
    time_zone             TEXT,
    updated_at            INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT, WITHOUT ROWID;

-- Local dates (in the daily schedule's zone) an admin counted as answered for a member after an outage.
CREATE TABLE streak_restores (
    guild_id              INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    local_date            TEXT NOT NULL,
    restored_by           INTEGER NOT NULL,
    restored_at           INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, local_date)
) STRICT, WITHOUT ROWID;

-- The thread message that shows a review, so a second submission edits it instead of posting again.
CREATE TABLE review_messages (
    review_id             INTEGER PRIMARY KEY REFERENCES reviews (review_id) ON DELETE CASCADE,
    channel_id            INTEGER NOT NULL,
    message_id            INTEGER NOT NULL
) STRICT;
