namespace InterviewBot.Features.Daily;

public enum DailyPostOutcome
{
    /// <summary>This call posted (or finished) the day's question.</summary>
    Posted,

    /// <summary>The day already had its post; nothing was sent.</summary>
    AlreadyPosted,

    /// <summary>The day was skipped (paused, /daily skip, missed beyond grace, no question left); see the reason.</summary>
    Skipped,

    /// <summary>The schedule was removed.</summary>
    ScheduleGone,
}
