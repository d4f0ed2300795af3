using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Stats;

public static class StatsServiceCollectionExtensions
{
    /// <summary><c>/stats</c>, <c>/leaderboard</c>, streaks and <c>/admin streak restore</c>.</summary>
    public static IServiceCollection AddStatsFeature(this IServiceCollection services)
    {
        services.AddSingleton<GuildClock>();
        services.AddSingleton<StreakService>();
        services.AddSingleton<LeaderboardCommand>();
        services.AddSingleton<ICommandHandler, StatsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<LeaderboardCommand>());
        services.AddSingleton<ICommandHandler, AdminStreakCommand>();
        return services;
    }
}
