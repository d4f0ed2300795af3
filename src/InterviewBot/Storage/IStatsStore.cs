namespace InterviewBot.Storage;

public interface IStatsStore
{
    Task<MemberStats> GetMemberStatsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    /// <summary>Every daily prompt of the guild in local-date order, with whether the member answered it on time.</summary>
    Task<IReadOnlyList<DailyParticipation>> ListDailyParticipationAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    /// <summary>Members active in [since, until): answers written, reviews given, votes received; unranked.</summary>
    Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    Task<GuildActivity> GetGuildActivityAsync(ulong guildId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
