namespace InterviewBot.Storage;

/// <summary>
/// Remembers who asked for their data to be deleted and when (ids and time only), so answers re-read from Discord after
/// downtime are not stored again.
/// </summary>
public interface IMemberErasureStore
{
    /// <summary>Records (or moves forward) the member's erasure time.</summary>
    Task RecordAsync(ulong guildId, ulong userId, DateTimeOffset erasedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberErasure>> ListAsync(CancellationToken cancellationToken);
}
