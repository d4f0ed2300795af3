namespace InterviewBot.Storage;

/// <summary>Days an admin counted as answered for a member's streak (an outage kept them from answering).</summary>
public interface IStreakRestoreStore
{
    /// <summary>Adds the dates; returns how many were new.</summary>
    Task<int> AddAsync(ulong guildId, ulong userId, IReadOnlyCollection<DateOnly> localDates, ulong restoredBy, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<DateOnly>> ListAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);
}
