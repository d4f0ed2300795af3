using System.Text.Json.Nodes;
using InterviewBot.Storage;

namespace InterviewBot.Tests.EndToEnd;

/// <summary>/ask, /help and the question message, end to end: the real host against the Discord emulator.</summary>
public sealed class AskTests
{
    [Fact]
    public async Task Ask_WithoutFilters_PostsOneQuestionWithAThread_StoresThePrompt_AndAcknowledgesInTime()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");

        var ask = await alice.RunsCommandAsync("ask");

        var response = await ask.WaitForResponseAsync();
        Assert.True(response.Latency < TimeSpan.FromSeconds(3), $"acknowledged after {response.Latency}");
        Assert.Equal(5, response.Type); // deferred, ephemeral
        Assert.True(response.Ephemeral);
        var question = await bot.Discord.WaitForMessageAsync(m => m.ChannelId == bot.Channel.Id && m.Embeds.Count > 0);
        var reply = await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));

        var thread = Assert.Single(bot.Discord.Threads);
        Assert.Equal(bot.Channel.Id, thread.ParentId);
        Assert.Equal(question.Id, thread.Id);
        Assert.StartsWith("Q: ", thread.Name, StringComparison.Ordinal);
        Assert.True(thread.Name.Length <= 100);
        Assert.Contains(thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Content, StringComparison.Ordinal);
        Assert.Equal(["prompt:private", "prompt:hint", "prompt:reveal"], question.CustomIds);
        Assert.Contains("<t:", question.EmbedText, StringComparison.Ordinal);
        Assert.Single(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0);

        var prompt = await bot.Service<IPromptStore>().FindByMessageAsync(question.Id, CancellationToken.None);
        Assert.NotNull(prompt);
        Assert.Equal(thread.Id, prompt.ThreadId);
        Assert.Equal(PromptSource.Ask, prompt.Source);
        Assert.Equal(alice.Id, prompt.AskedBy);
        Assert.Contains($"Question {prompt.QuestionId}", question.EmbedText, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task Ask_WithFilters_PostsAQuestionMatchingThem()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var ask = await bot.Member("bob").RunsCommandAsync("ask", ("category", "caching"), ("difficulty", "hard"));
        await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));

        var question = Assert.Single(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0);
        Assert.Contains("caching", question.EmbedText, StringComparison.Ordinal);
        Assert.Contains("hard", question.EmbedText, StringComparison.Ordinal);
        var prompt = await bot.Service<IPromptStore>().FindByMessageAsync(question.Id, CancellationToken.None);
        var asked = bot.Service<Core.Questions.QuestionBank>().Find(prompt!.QuestionId)!;
        Assert.Equal("caching", asked.Category);
        Assert.Equal(Core.Questions.Difficulty.Hard, asked.Difficulty);
    }

    [Fact]
    public async Task Ask_FilterNoQuestionMatches_GetsAFriendlyEphemeralMessage_AndPostsNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var ask = await bot.Member("alice").RunsCommandAsync("ask", ("category", "caching"), ("tag", "no-such-tag"));
        var reply = await ask.WaitForMessageAsync(m => m.Content.Length > 0);

        Assert.Contains("No question matches category caching, tag no-such-tag", reply.Content, StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
        Assert.DoesNotContain(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0);
        Assert.Empty(bot.Discord.Threads);
    }

    [Fact]
    public async Task Ask_RepeatedInOneGuild_NeverRepeatsAQuestionUntilThePoolIsUsed()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var pool = bot.Service<Core.Questions.QuestionBank>().Questions.Where(q => q.Category == "ci-cd" && q.Difficulty == Core.Questions.Difficulty.Hard).ToList();

        var asked = new List<string>();
        for (var i = 0; i < pool.Count; i++)
        {
            var ask = await bot.Member("alice").RunsCommandAsync("ask", ("category", "ci-cd"), ("difficulty", "hard"));
            await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));
        }

        foreach (var message in bot.Discord.Messages(bot.Channel.Id).Where(m => m.Embeds.Count > 0))
        {
            asked.Add((await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!.QuestionId);
        }

        Assert.Equal(pool.Select(q => q.Id).Order(), asked.Order());
    }

    [Fact]
    public async Task Ask_TagAutocomplete_OffersMatchingTagsFromTheBank()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var autocomplete = await bot.Member("alice").AutocompleteAsync("ask", "tag", "sq");
        var response = await autocomplete.WaitForResponseAsync();

        Assert.Equal(8, response.Type);
        Assert.Contains(response.Choices, c => c.Value == "sql");
        Assert.All(response.Choices, c => Assert.Contains("sq", c.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_ListsEveryRegisteredCommand_Ephemerally()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var help = await bot.Member("carol").RunsCommandAsync("help");
        var response = await help.WaitForResponseAsync();

        Assert.True(response.Ephemeral);
        var text = response.Data!["embeds"]!.AsArray().Select(e => e!["description"]!.GetValue<string>()).Single();
        var registered = bot.Discord.Commands.Select(c => c.Name).Distinct().ToList();
        Assert.NotEmpty(registered);
        Assert.All(registered, name => Assert.Contains($"/{name}", text, StringComparison.Ordinal));
    }
}
