using InterviewBot.Core.Repetition;

namespace InterviewBot.Storage;

public sealed class SqliteSpacedRepetitionStore(SqliteConnectionFactory factory, SqliteWriter writer) : ISpacedRepetitionStore
{
    private const string Select = "SELECT * FROM repetition_states";

    public async Task<RepetitionState?> GetAsync(ulong guildId, ulong userId, string questionId, CancellationToken cancellationToken) =>
        (await factory.QueryOneAsync<Row>(
            $"{Select} WHERE guild_id = @guildId AND user_id = @userId AND question_id = @questionId",
            new { guildId, userId, questionId },
            cancellationToken).ConfigureAwait(false))?.ToEntry().State;

    public Task SaveAsync(ulong guildId, ulong userId, string questionId, RepetitionState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return writer.ExecuteWriteAsync(
            """
            INSERT INTO repetition_states (guild_id, user_id, question_id, ease_factor, interval_days, repetitions, lapses, due_at, last_reviewed_at)
            VALUES (@guildId, @userId, @questionId, @EaseFactor, @IntervalDays, @Repetitions, @Lapses, @DueAt, @LastReviewedAt)
            ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET
                ease_factor = excluded.ease_factor, interval_days = excluded.interval_days, repetitions = excluded.repetitions,
                lapses = excluded.lapses, due_at = excluded.due_at, last_reviewed_at = excluded.last_reviewed_at
            """,
            new { guildId, userId, questionId, state.EaseFactor, state.IntervalDays, state.Repetitions, state.Lapses, state.DueAt, state.LastReviewedAt },
            cancellationToken);
    }

    public async Task<IReadOnlyList<RepetitionEntry>> ListDueAsync(ulong guildId, ulong userId, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        [.. (await factory.QueryListAsync<Row>(
            $"{Select} WHERE guild_id = @guildId AND user_id = @userId AND due_at <= @now ORDER BY due_at, question_id LIMIT @limit",
            new { guildId, userId, now, limit },
            cancellationToken).ConfigureAwait(false)).Select(r => r.ToEntry())];

    public async Task<IReadOnlyList<RepetitionEntry>> ListForMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        [.. (await factory.QueryListAsync<Row>(
            $"{Select} WHERE guild_id = @guildId AND user_id = @userId ORDER BY due_at, question_id",
            new { guildId, userId },
            cancellationToken).ConfigureAwait(false)).Select(r => r.ToEntry())];

    /// <summary>Core's positional record cannot be materialised by Dapper directly.</summary>
    private sealed record Row
    {
        public ulong GuildId { get; init; }

        public ulong UserId { get; init; }

        public string QuestionId { get; init; } = string.Empty;

        public double EaseFactor { get; init; }

        public int IntervalDays { get; init; }

        public int Repetitions { get; init; }

        public int Lapses { get; init; }

        public DateTimeOffset DueAt { get; init; }

        public DateTimeOffset? LastReviewedAt { get; init; }

        public RepetitionEntry ToEntry() =>
            new(GuildId, UserId, QuestionId, new RepetitionState(EaseFactor, IntervalDays, Repetitions, Lapses, DueAt, LastReviewedAt));
    }
}
