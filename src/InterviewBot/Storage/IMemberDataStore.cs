namespace InterviewBot.Storage;

/// <summary>The member's own requests: see all their data in a guild, or delete it. Nothing else deletes member data but retention.</summary>
public interface IMemberDataStore
{
    Task<MemberDataExport> ExportAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the member's answers (with their parts and the reviews of them), reviews and votes they gave,
    /// interview sessions, repetition states and suggestions, and removes their name from prompts they asked.
    /// Guild-owned questions stay. One transaction.
    /// </summary>
    Task<MemberDataDeletion> DeleteAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);
}
