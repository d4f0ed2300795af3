namespace InterviewBot.Features.Daily;

/// <summary>Settings under <c>InterviewBot:Daily</c>.</summary>
public sealed class DailyOptions
{
    public const string SectionName = "InterviewBot:Daily";

    /// <summary>
    /// Daily posts started per second across the process. Each post is two or three REST calls, so the default keeps a
    /// burst of schedules sharing a minute well under Discord's global 50 requests per second.
    /// </summary>
    public double PostsPerSecond { get; set; } = 8;

    /// <summary>Posts processed at once; the pacer still spaces their starts.</summary>
    public int Workers { get; set; } = 4;
}
