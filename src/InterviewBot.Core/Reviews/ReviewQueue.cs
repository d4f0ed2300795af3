using System.Diagnostics.CodeAnalysis;

namespace InterviewBot.Core.Reviews;

/// <summary>
/// Picks the answer <c>/review next</c> offers a member. Never the member's own answer, one they already reviewed, or
/// a deleted one. Among the rest, the answer with the fewest reviews in the last <see cref="RecentWindow"/> comes
/// first, so reviews spread over everyone instead of piling onto the first answer in a thread; then the oldest
/// answer, so nobody waits forever; then the lowest answer id, so the order is fully deterministic.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The product's word for the answers waiting for review (/review next); not a collection type.")]
public static class ReviewQueue
{
    /// <summary>Reviews older than this no longer count as "recent" when spreading reviews.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(14);

    /// <summary>The answer to offer <paramref name="callerId"/> next, or null when there is nothing left to review.</summary>
    public static ReviewCandidate? Next(IEnumerable<ReviewCandidate> candidates, ulong callerId, DateTimeOffset now)
    {
        var order = Order(candidates, callerId, now);
        return order.Count == 0 ? null : order[0];
    }

    /// <summary>Every answer <paramref name="callerId"/> may review, best first (see the type's summary).</summary>
    public static IReadOnlyList<ReviewCandidate> Order(IEnumerable<ReviewCandidate> candidates, ulong callerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return [.. candidates
            .Where(c => !c.Deleted && c.AuthorId != callerId && !c.ReviewerIds.Contains(callerId))
            .OrderBy(c => RecentReviews(c, now))
            .ThenBy(c => c.CreatedAt)
            .ThenBy(c => c.AnswerId)];
    }

    /// <summary>How many of the answer's reviews fall within <see cref="RecentWindow"/> before <paramref name="now"/>.</summary>
    /// <remarks>A review stamped slightly after <paramref name="now"/> (another host's clock) still counts as recent.</remarks>
    public static int RecentReviews(ReviewCandidate candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var since = now - RecentWindow;
        return candidate.ReviewedAt.Count(at => at > since);
    }
}
