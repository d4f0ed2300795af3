namespace InterviewBot.Core.Scheduling;

public enum CatchUpDecision
{
    NotDue,
    PostNow,
    Skip,
}
