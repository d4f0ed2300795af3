namespace InterviewBot.Core.Digest;

/// <summary>
/// The content of a guild's weekly digest as plain data; <see cref="WeeklyDigestBuilder.RenderMarkdown"/> turns it
/// into the message text.
/// </summary>
/// <param name="WeekStart">The Monday the week starts on, in the guild's time zone.</param>
/// <param name="WeekLabel">"Week of 23 Nov 2026".</param>
/// <param name="Questions">The week's questions in the order they were posted.</param>
/// <param name="TopReviewers">Up to three reviewers, most reviews first.</param>
/// <param name="TotalAnswers">Answers to the week's questions.</param>
/// <param name="TotalParticipants">Distinct members who answered at least one of them.</param>
/// <param name="TotalReviews">Reviews written in the week.</param>
public sealed record WeeklyDigest(
    DateOnly WeekStart,
    string WeekLabel,
    IReadOnlyList<DigestQuestion> Questions,
    IReadOnlyList<DigestReviewer> TopReviewers,
    int TotalAnswers,
    int TotalParticipants,
    int TotalReviews)
{
    /// <summary>Nothing happened: no question was posted and nobody reviewed.</summary>
    public bool IsEmpty => Questions.Count == 0 && TotalReviews == 0;
}
