namespace InterviewBot.Features.Daily;

/// <summary>Settings under <c>InterviewBot:Daily</c>.</summary>
public sealed class DailyOptions
{
    public const string SectionName = "InterviewBot:Daily";

    /// <summary>REST requests one daily post makes: the message, then the thread under it.</summary>
    public const int RequestsPerPost = 2;

    /// <summary>
    /// Daily posts started per second across the process. Unset (the default): derived from the Discord client's global
    /// budget, <c>GlobalRequestsPerSecond × GlobalBudgetShare / 2</c> (20 posts/s on Discord's 50 requests/s).
    /// </summary>
    public double? PostsPerSecond { get; set; }

    /// <summary>
    /// The share of the global REST budget daily posting plans to use when <see cref="PostsPerSecond"/> is unset; the
    /// rest stays free for <c>/ask</c>, reveals and reviews arriving while a fan-out runs.
    /// </summary>
    public double GlobalBudgetShare { get; set; } = 0.8;

    /// <summary>Posts processed at once; the pacer still spaces their starts. Unset: enough to keep the pace (at least 4).</summary>
    public int? Workers { get; set; }

    /// <summary>Minutes between sweeps that resume stuck posts and catch up fires missed while running.</summary>
    public int SweepMinutes { get; set; } = 10;
}
