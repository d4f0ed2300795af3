namespace InterviewBot.Features.Ask;

/// <summary>Settings under <c>InterviewBot:Ask</c>.</summary>
public sealed class AskOptions
{
    public const string SectionName = "InterviewBot:Ask";

    /// <summary>
    /// Seconds after an <c>/ask</c> starts posting when its recovery job fires if the post has not finished by then (the
    /// process died mid-post). A live post that is merely slow is not harmed: the job's resend returns the same message.
    /// </summary>
    public int RecoverAfterSeconds { get; set; } = 120;

    /// <summary>
    /// How old an interrupted <c>/ask</c> may be for the recovery to resend it. Discord remembers a message nonce only for
    /// a few minutes; past that a resend would post a second question next to the first, so the recovery gives up.
    /// </summary>
    public int RecoverWithinMinutes { get; set; } = 5;
}
