using InterviewBot.Core.Reviews;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Stats;

/// <summary>Writes prompts, answers and reviews straight into the bot's stores, for scripted days and weeks.</summary>
internal sealed class ScriptedActivity(BotUnderTest bot)
{
    private static long nextMessageId = 9_000_000_000_000;

    private IPromptStore Prompts => bot.Service<IPromptStore>();

    private IAnswerStore Answers => bot.Service<IAnswerStore>();

    public ulong GuildId => bot.Guild.Id;

    public static ulong NextId() => (ulong)Interlocked.Increment(ref nextMessageId);

    public async Task<long> DailyScheduleAsync(string timeZone)
    {
        var schedule = await bot.Service<IDailyScheduleStore>().TryCreateAsync(
            new DailySchedule { GuildId = GuildId, Name = "default", ChannelId = bot.Channel.Id, LocalTime = new TimeOnly(9, 0), TimeZone = timeZone },
            CancellationToken.None);
        return schedule!.ScheduleId;
    }

    public async Task<Prompt> DailyPromptAsync(long scheduleId, DateOnly localDate, DateTimeOffset postedAt, string questionId = "cache-purpose") =>
        (await Prompts.TryCreateAsync(
            new Prompt
            {
                GuildId = GuildId,
                ChannelId = bot.Channel.Id,
                MessageId = NextId(),
                ThreadId = NextId(),
                QuestionId = questionId,
                Source = PromptSource.Daily,
                PostedAt = postedAt,
                LocalDate = localDate,
                ScheduleId = scheduleId,
            },
            CancellationToken.None))!;

    public async Task<Prompt> AskPromptAsync(DateTimeOffset postedAt, string questionId, bool revealed = true)
    {
        var prompt = (await Prompts.TryCreateAsync(
            new Prompt
            {
                GuildId = GuildId,
                ChannelId = bot.Channel.Id,
                MessageId = NextId(),
                ThreadId = NextId(),
                QuestionId = questionId,
                Source = PromptSource.Ask,
                AskedBy = bot.Member("alice").Id,
                PostedAt = postedAt,
            },
            CancellationToken.None))!;
        if (revealed)
        {
            await Prompts.TryMarkRevealingAsync(prompt.PromptId, postedAt, CancellationToken.None);
            await Prompts.MarkRevealedAsync(prompt.PromptId, postedAt, CancellationToken.None);
        }

        return (await Prompts.GetAsync(prompt.PromptId, CancellationToken.None))!;
    }

    /// <summary>An answer of <paramref name="covered"/> out of <paramref name="total"/> key points, written at <paramref name="at"/>.</summary>
    public async Task<long> AnswerAsync(Prompt prompt, ulong userId, DateTimeOffset at, int covered = 3, int total = 3, string text = "an answer")
    {
        var answerId = await Answers.UpsertPartAsync(
            new AnswerPartWrite { PromptId = prompt.PromptId, GuildId = GuildId, UserId = userId, MessageId = NextId(), Content = text, WrittenAt = at },
            CancellationToken.None);
        await Answers.SetCoverageAsync(answerId, [.. Enumerable.Range(1, covered).Select(i => $"point {i}")], total, CancellationToken.None);
        return answerId;
    }

    public async Task<long> ReviewAsync(long answerId, ulong reviewerId, int marks, DateTimeOffset at) =>
        (await bot.Service<IReviewStore>().UpsertAsync(answerId, GuildId, reviewerId, new Rubric(marks, marks, marks), null, at, CancellationToken.None)).Review.ReviewId;
}
