namespace InterviewBot.Core.Digest;

/// <summary>A peer review written during the week; only who wrote it matters to the digest.</summary>
public sealed record DigestReview(ulong ReviewerId);
