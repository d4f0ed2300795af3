-- A member's /privacy delete: the bot never stores their messages written before erased_at again, even though the
-- messages themselves stay in Discord (back-fill re-reads whole threads after downtime and would otherwise bring the
-- erased answers back). Only ids and the time are kept; the member is told so.
CREATE TABLE member_erasures (
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    erased_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;
