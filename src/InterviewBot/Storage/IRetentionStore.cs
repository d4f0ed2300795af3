namespace InterviewBot.Storage;

/// <summary>The only automatic deletion of member data: answers and reviews older than a guild's retention period.</summary>
public interface IRetentionStore
{
    /// <summary>Prunes every guild that set a retention period, measured back from <paramref name="now"/>. Guilds without one keep everything.</summary>
    Task<RetentionResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
