using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteSuggestionStore(SqliteConnectionFactory factory, SqliteWriter writer) : ISuggestionStore
{
    private const string Select = "SELECT * FROM suggestions";

    public async Task<Suggestion> AddAsync(ulong guildId, ulong userId, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await writer.WriteAsync(
            (connection, transaction) => connection.ExecuteScalarAsync<long>(Command(
                "INSERT INTO suggestions (guild_id, user_id, body, status, created_at) VALUES (@guildId, @userId, @body, 'pending', @now) RETURNING suggestion_id",
                new { guildId, userId, body, now },
                cancellationToken,
                transaction)),
            cancellationToken).ConfigureAwait(false);
        return new Suggestion { SuggestionId = id, GuildId = guildId, UserId = userId, Body = body, Status = SuggestionStatus.Pending, CreatedAt = now };
    }

    public Task<Suggestion?> GetAsync(long suggestionId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Suggestion>($"{Select} WHERE suggestion_id = @suggestionId", new { suggestionId }, cancellationToken);

    public async Task<bool> SetMessageAsync(long suggestionId, ulong messageId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE suggestions SET message_id = @messageId WHERE suggestion_id = @suggestionId", new { suggestionId, messageId }, cancellationToken)
            .ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<Suggestion>> ListAsync(ulong guildId, SuggestionStatus status, CancellationToken cancellationToken) =>
        factory.QueryListAsync<Suggestion>(
            $"{Select} WHERE guild_id = @guildId AND status = @statusText ORDER BY created_at, suggestion_id",
            new { guildId, statusText = ToText(status) },
            cancellationToken);

    public async Task<bool> TryDecideAsync(long suggestionId, SuggestionStatus decision, ulong decidedBy, string? reason, long? guildQuestionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (decision == SuggestionStatus.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "a decision accepts or rejects");
        }

        return await writer.ExecuteWriteAsync(
            """
            UPDATE suggestions SET status = @statusText, decided_by = @decidedBy, decided_at = @now, decision_reason = @reason,
                guild_question_id = @guildQuestionId
            WHERE suggestion_id = @suggestionId AND status = 'pending'
            """,
            new { suggestionId, statusText = ToText(decision), decidedBy, reason, guildQuestionId, now },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    private static string ToText(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Pending => "pending",
        SuggestionStatus.Accepted => "accepted",
        SuggestionStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown suggestion status"),
    };
}
