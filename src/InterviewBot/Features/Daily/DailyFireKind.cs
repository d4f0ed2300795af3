namespace InterviewBot.Features.Daily;

/// <summary>Why a daily post is being attempted.</summary>
public enum DailyFireKind
{
    /// <summary>The Quartz trigger fired on time.</summary>
    Scheduled,

    /// <summary>Start-up found a fire missed while the bot was down, still inside the grace window.</summary>
    CatchUp,

    /// <summary><c>/daily now</c>: posts today's question at once, ignoring pause and skip.</summary>
    Now,
}
