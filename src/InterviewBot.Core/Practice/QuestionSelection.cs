using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Practice;

/// <summary>
/// The chosen question. <paramref name="CycleRestarted"/> means every eligible question had been used, so the
/// caller should forget the usage history for this scope; <paramref name="UnusedAfter"/> is how many eligible
/// questions remain unused after this one (for "running low" notes).
/// </summary>
public sealed record QuestionSelection(Question Question, bool CycleRestarted, int UnusedAfter);
