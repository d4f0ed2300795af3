namespace InterviewBot.Storage;

/// <summary>The stored review; <paramref name="Created"/> is false when an earlier review by the same member was replaced.</summary>
public sealed record ReviewUpsert(Review Review, bool Created);
