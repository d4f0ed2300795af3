namespace InterviewBot.Storage;

/// <summary>What a retention prune removed. Reviews include those of pruned answers.</summary>
public sealed record RetentionResult(int Guilds, int AnswersDeleted, int ReviewsDeleted);
