using InterviewBot.Discord;

namespace InterviewBot.Features.Daily;

/// <summary>The daily posting pace in force: the configured one, or the share of the global REST budget.</summary>
public sealed record DailyPacing(double PostsPerSecond, int Workers)
{
    /// <summary>A post (two round trips and a few SQLite writes) is assumed to take at most this long on one worker.</summary>
    private const double SecondsPerPost = 0.5;

    /// <summary>
    /// Workers derived from the pace stop here: a worker is a long-running task, and a huge budget (a test or benchmark
    /// setting of a million requests a second) must not start hundreds of thousands of them. 64 workers post well over
    /// Discord's real 50 requests/s; more can still be configured explicitly.
    /// </summary>
    public const int MaxDerivedWorkers = 64;

    private const int MinDerivedWorkers = 4;

    public static DailyPacing From(DailyOptions daily, DiscordClientOptions discord)
    {
        ArgumentNullException.ThrowIfNull(daily);
        ArgumentNullException.ThrowIfNull(discord);
        var share = Math.Clamp(daily.GlobalBudgetShare, 0.01, 1);
        var postsPerSecond = daily.PostsPerSecond is { } configured and > 0
            ? configured
            : Math.Max(1, discord.GlobalRequestsPerSecond) * share / DailyOptions.RequestsPerPost;
        var workers = daily.Workers is { } count and > 0 ? count : (int)Math.Clamp(Math.Ceiling(postsPerSecond * SecondsPerPost), MinDerivedWorkers, MaxDerivedWorkers);
        return new DailyPacing(postsPerSecond, workers);
    }
}
