namespace InterviewBot.Core.Digest;

/// <summary>A reviewer and how many reviews they wrote in the week.</summary>
public sealed record DigestReviewer(ulong ReviewerId, int Reviews);
