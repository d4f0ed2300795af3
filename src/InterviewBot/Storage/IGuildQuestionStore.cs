namespace InterviewBot.Storage;

/// <summary>Server-owned questions, and bank questions a server switched off.</summary>
public interface IGuildQuestionStore
{
    /// <summary>Adds the question; null when the guild already has a live question with that key.</summary>
    Task<GuildQuestion?> TryAddAsync(GuildQuestion question, CancellationToken cancellationToken);

    Task<GuildQuestion?> GetAsync(long guildQuestionId, CancellationToken cancellationToken);

    Task<GuildQuestion?> FindAsync(ulong guildId, string questionKey, CancellationToken cancellationToken);

    /// <summary>The live question with that key, or else the most recently deleted one: what old prompts refer to.</summary>
    Task<GuildQuestion?> FindIncludingDeletedAsync(ulong guildId, string questionKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<GuildQuestion>> ListAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>Replaces category, difficulty and body of a live question.</summary>
    Task<bool> UpdateAsync(long guildQuestionId, string category, string difficulty, string body, CancellationToken cancellationToken);

    /// <summary>Soft delete: the question leaves the pool, prompts that used it still resolve.</summary>
    Task<bool> DeleteAsync(long guildQuestionId, CancellationToken cancellationToken);

    Task<bool> DisableBankQuestionAsync(ulong guildId, string questionId, ulong disabledBy, CancellationToken cancellationToken);

    Task<bool> EnableBankQuestionAsync(ulong guildId, string questionId, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> ListDisabledBankQuestionsAsync(ulong guildId, CancellationToken cancellationToken);
}
