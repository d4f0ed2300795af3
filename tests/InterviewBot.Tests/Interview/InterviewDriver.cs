using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Core.Questions;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Interview;

/// <summary>Drives one member's interview in the emulator: start it, find the current question, press its buttons.</summary>
internal sealed class InterviewDriver(BotUnderTest bot, EmulatedMember member, InterviewSession session)
{
    public InterviewSession Session => session;

    public ulong ThreadId => session.ChannelId;

    public EmulatedMember Member => member;

    public static async Task<InterviewDriver> StartAsync(BotUnderTest bot, string memberName, params (string Name, object? Value)[] options)
    {
        var member = bot.Member(memberName);
        var start = await member.RunsCommandAsync("interview start", options);
        await start.WaitForMessageAsync(m => m.Content.Contains("Your interview is ready", StringComparison.Ordinal));
        var session = await bot.Service<IInterviewSessionStore>().FindActiveAsync(bot.Guild.Id, member.Id, CancellationToken.None);
        Assert.NotNull(session);
        return new InterviewDriver(bot, member, session);
    }

    public Question QuestionAt(int index) => bot.Service<QuestionBank>().Find(session.QuestionIds[index])!;

    /// <summary>Waits for "Question n/N" to be posted in the thread.</summary>
    public Task<EmulatedMessage> WaitForQuestionAsync(int index) =>
        bot.Discord.WaitForMessageAsync(
            m => m.ChannelId == ThreadId && m.Author.IsBot && m.EmbedText.Contains($"Question {index + 1}/{session.QuestionIds.Count}:", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));

    public Task<EmulatedMessage> WaitForFeedbackAsync(int index) =>
        bot.Discord.WaitForMessageAsync(
            m => m.ChannelId == ThreadId && m.Author.IsBot && m.EmbedText.Contains($"Feedback {index + 1}/{session.QuestionIds.Count}:", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));

    public Task<EmulatedMessage> WaitForSummaryAsync() =>
        bot.Discord.WaitForMessageAsync(
            m => m.ChannelId == ThreadId && m.Author.IsBot && m.EmbedText.Contains("Interview summary", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));

    public async Task<InteractionHandle> PressAsync(int index, string action, EmulatedMember? who = null)
    {
        var question = await WaitForQuestionAsync(index);
        return await (who ?? member).ClicksButtonAsync(question.Id, $"interview:{action}:{session.SessionId}:{index}");
    }

    public Task<EmulatedMessage> AnswerAsync(string text) => member.PostsAsync(ThreadId, text);

    public IReadOnlyList<EmulatedMessage> BotMessages => [.. bot.Discord.Messages(ThreadId).Where(m => m.Author.IsBot)];

    public Task<InterviewSession?> ReloadAsync() => bot.Service<IInterviewSessionStore>().GetAsync(session.SessionId, CancellationToken.None);
}
