namespace InterviewBot.Core.Scheduling;

/// <summary>What to do about a scheduled post whose time passed while the bot was not running.</summary>
public static class CatchUpPolicy
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(6);

    /// <summary>Post late when still within the grace window after the scheduled instant; otherwise skip that day.</summary>
    public static CatchUpDecision Decide(DateTimeOffset scheduledAt, DateTimeOffset now, TimeSpan grace)
    {
        if (now < scheduledAt)
        {
            return CatchUpDecision.NotDue;
        }

        return now - scheduledAt <= grace ? CatchUpDecision.PostNow : CatchUpDecision.Skip;
    }
}
