using InterviewBot.Core.Repetition;

namespace InterviewBot.Storage;

public interface ISpacedRepetitionStore
{
    Task<RepetitionState?> GetAsync(ulong guildId, ulong userId, string questionId, CancellationToken cancellationToken);

    Task SaveAsync(ulong guildId, ulong userId, string questionId, RepetitionState state, CancellationToken cancellationToken);

    /// <summary>The member's questions due at <paramref name="now"/>, most overdue first.</summary>
    Task<IReadOnlyList<RepetitionEntry>> ListDueAsync(ulong guildId, ulong userId, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<RepetitionEntry>> ListForMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);
}
