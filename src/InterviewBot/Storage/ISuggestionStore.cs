namespace InterviewBot.Storage;

public interface ISuggestionStore
{
    Task<Suggestion> AddAsync(ulong guildId, ulong userId, string body, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Suggestion?> GetAsync(long suggestionId, CancellationToken cancellationToken);

    Task<bool> SetMessageAsync(long suggestionId, ulong messageId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Suggestion>> ListAsync(ulong guildId, SuggestionStatus status, CancellationToken cancellationToken);

    /// <summary>Decides a pending suggestion exactly once; false when it was already decided (two moderators clicking at once).</summary>
    Task<bool> TryDecideAsync(long suggestionId, SuggestionStatus decision, ulong decidedBy, string? reason, long? guildQuestionId, DateTimeOffset now, CancellationToken cancellationToken);
}
