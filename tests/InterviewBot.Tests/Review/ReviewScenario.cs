using System.Globalization;
using DiscordEmulator.State;
using InterviewBot.Core.Questions;
using InterviewBot.Tests.EndToEnd;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Review;

/// <summary>A revealed question with answers, ready for peer review: shared set-up of the review, stats and digest scenarios.</summary>
internal sealed record ReviewScenario(BotUnderTest Bot, Question Question, EmulatedMessage Message, EmulatedChannel Thread, Prompt Prompt, IReadOnlyDictionary<string, Answer> Answers)
{
    public EmulatedMessage Picker => Bot.Discord.Messages(Thread.Id).Single(m => m.CustomIds.Any(id => id.StartsWith("review:pick:", StringComparison.Ordinal)));

    public string PickerId => $"review:pick:{Prompt.PromptId.ToString(CultureInfo.InvariantCulture)}";

    public long AnswerOf(string member) => Answers[member].AnswerId;

    /// <summary>alice asks; each answerer posts (full reference answer or the given text); alice reveals.</summary>
    public static async Task<ReviewScenario> RevealedAsync(BotUnderTest bot, params (string Member, string? Text)[] answerers)
    {
        var (question, message, thread) = await RevealTests.AskAsync(bot, "alice");
        foreach (var (member, text) in answerers)
        {
            await bot.Member(member).PostsAsync(thread.Id, text ?? question.Answer);
        }

        await RevealTests.WaitForAnswersAsync(bot, message.Id, answerers.Length);
        return await RevealAsync(bot, question, message, thread);
    }

    public static async Task<ReviewScenario> RevealAsync(BotUnderTest bot, Question question, EmulatedMessage message, EmulatedChannel thread)
    {
        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var answers = await bot.Service<IAnswerStore>().ListForPromptAsync(prompt.PromptId, CancellationToken.None);
        var byMember = answers.ToDictionary(a => bot.Guild.Members.Single(m => m.Id == a.UserId).Name, a => a);
        return new ReviewScenario(bot, question, message, thread, prompt, byMember);
    }

    /// <summary>The member picks the answer in the picker under the reveal, gets the modal and submits the rubric.</summary>
    public async Task<string> ReviewAsync(string reviewer, string author, int correctness, int depth, int clarity, string comment = "")
    {
        var member = Bot.Member(reviewer);
        var answerId = AnswerOf(author).ToString(CultureInfo.InvariantCulture);
        var pick = await member.SelectsAsync(Picker.Id, PickerId, answerId);
        var modal = await pick.WaitForResponseAsync();
        if (modal.Type != 9)
        {
            return modal.Content ?? string.Empty;
        }

        var submit = await member.SubmitsModalAsync(
            $"review:submit:{answerId}",
            ("correctness", correctness.ToString(CultureInfo.InvariantCulture)),
            ("depth", depth.ToString(CultureInfo.InvariantCulture)),
            ("clarity", clarity.ToString(CultureInfo.InvariantCulture)),
            ("comment", comment));
        var reply = await submit.WaitForMessageAsync(m => m.Content.Length > 0);
        return reply.Content;
    }

    public IReadOnlyList<EmulatedMessage> ReviewPosts() =>
        [.. Bot.Discord.Messages(Thread.Id).Where(m => m.Author.IsBot && m.EmbedText.Contains("Peer review", StringComparison.Ordinal))];
}
