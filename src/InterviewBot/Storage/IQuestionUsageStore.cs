namespace InterviewBot.Storage;

public interface IQuestionUsageStore
{
    /// <summary>Records that the question was posted (by a schedule, or by /ask when <paramref name="scheduleId"/> is null).</summary>
    Task RecordAsync(ulong guildId, long? scheduleId, string questionId, DateTimeOffset usedAt, CancellationToken cancellationToken);

    /// <summary>Uses in the guild, newest first; with a schedule id, only that schedule's.</summary>
    Task<IReadOnlyList<QuestionUse>> ListAsync(ulong guildId, long? scheduleId, CancellationToken cancellationToken);
}
