using System.Globalization;
using System.Text.Json;
using InterviewBot.Core.Reviews;
using InterviewBot.Discord.Entities;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// What the forged-interaction corpus points at: a pending suggestion here and one in another guild, an answer whose
/// question is not revealed, another guild's answer and review, bob's interview and another guild's, and a prompt whose
/// question was deleted. The placeholders are <see cref="Values"/>.
/// </summary>
internal sealed class ForgeryFixtures
{
    private ForgeryFixtures(IReadOnlyDictionary<string, string> values, ulong ghostPromptMessageId, long ownSuggestionId, long bobSessionId)
    {
        Values = values;
        GhostPromptMessageId = ghostPromptMessageId;
        OwnSuggestionId = ownSuggestionId;
        BobSessionId = bobSessionId;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The message of a prompt whose question no longer exists.</summary>
    public ulong GhostPromptMessageId { get; }

    private long OwnSuggestionId { get; }

    private long BobSessionId { get; }

    public static async Task<ForgeryFixtures> CreateAsync(BotUnderTest bot)
    {
        var none = CancellationToken.None;
        var now = bot.Time.GetUtcNow();
        var guild = bot.Guild.Id;
        var otherGuild = guild + 1;
        var bob = bot.Member("bob").Id;
        var dave = bot.Member("dave").Id;
        var prompts = bot.Service<IPromptStore>();
        var answers = bot.Service<IAnswerStore>();
        var suggestions = bot.Service<ISuggestionStore>();
        var sessions = bot.Service<IInterviewSessionStore>();

        var own = await suggestions.AddAsync(guild, bob, "prompt: a pending suggestion", now, none);
        var other = await suggestions.AddAsync(otherGuild, bob, "prompt: another guild's suggestion", now, none);
        const ulong ghostMessage = 4_242_424_242;
        var ghost = (await prompts.TryCreateAsync(
            new Prompt { GuildId = guild, ChannelId = bot.Channel.Id, MessageId = ghostMessage, QuestionId = "deleted-question", Source = PromptSource.Ask, PostedAt = now }, none))!;
        var elsewhere = (await prompts.TryCreateAsync(
            new Prompt { GuildId = otherGuild, ChannelId = 1, MessageId = 4_242_424_243, QuestionId = "deleted-question", Source = PromptSource.Ask, PostedAt = now }, none))!;
        var unrevealed = await answers.UpsertPartAsync(
            new AnswerPartWrite { PromptId = ghost.PromptId, GuildId = guild, UserId = bob, MessageId = 4_242_424_244, Content = "bob's unrevealed answer", WrittenAt = now }, none);
        var otherAnswer = await answers.UpsertPartAsync(
            new AnswerPartWrite { PromptId = elsewhere.PromptId, GuildId = otherGuild, UserId = bob, MessageId = 4_242_424_245, Content = "an answer elsewhere", WrittenAt = now }, none);
        var otherReview = (await bot.Service<IReviewStore>().UpsertAsync(otherAnswer, otherGuild, dave, new Rubric(3, 3, 3), null, now, none)).Review;
        var bobSession = (await sessions.TryStartAsync(guild, bob, bot.Channel.Id, ["q"], now, none))!;
        var otherSession = (await sessions.TryStartAsync(otherGuild, bot.Member("carol").Id, 1, ["q"], now, none))!;

        var values = new Dictionary<string, string>
        {
            ["channel"] = Id(bot.Channel.Id),
            ["bob"] = Id(bob),
            ["own_suggestion"] = Id(own.SuggestionId),
            ["other_suggestion"] = Id(other.SuggestionId),
            ["unrevealed_answer"] = Id(unrevealed),
            ["other_answer"] = Id(otherAnswer),
            ["other_review"] = Id(otherReview.ReviewId),
            ["bob_session"] = Id(bobSession.SessionId),
            ["other_session"] = Id(otherSession.SessionId),
        };
        return new ForgeryFixtures(values, ghostMessage, own.SuggestionId, bobSession.SessionId);
    }

    /// <summary>A slash command's data: <c>daily setup</c> becomes <c>daily</c> with the sub-command <c>setup</c> holding the options.</summary>
    public static InteractionData Command(string path, IReadOnlyDictionary<string, JsonElement>? options, IReadOnlyDictionary<string, string> values)
    {
        var names = path.Split(' ');
        IReadOnlyList<InteractionDataOption> leaf = [.. (options ?? new Dictionary<string, JsonElement>()).Select(o => Option(o.Key, o.Value, values))];
        for (var i = names.Length - 1; i >= 1; i--)
        {
            leaf = [new InteractionDataOption { Name = names[i], Type = ApplicationCommandOptionType.SubCommand, Options = leaf }];
        }

        return new InteractionData { Name = names[0], Type = ApplicationCommandType.ChatInput, Options = leaf };
    }

    /// <summary>Nothing the forgeries aimed at changed.</summary>
    public async Task AssertUnchangedAsync(BotUnderTest bot, ulong forgerId)
    {
        var none = CancellationToken.None;
        Assert.Equal(SuggestionStatus.Pending, (await bot.Service<ISuggestionStore>().GetAsync(OwnSuggestionId, none))!.Status);
        var session = (await bot.Service<IInterviewSessionStore>().GetAsync(BobSessionId, none))!;
        Assert.Equal(InterviewSessionStatus.Active, session.Status);
        Assert.Equal(0, session.CurrentIndex);
        Assert.Empty(await bot.Service<IDailyScheduleStore>().ListForGuildAsync(bot.Guild.Id, none));
        Assert.False((await bot.Service<IGuildSettingsStore>().GetAsync(bot.Guild.Id, none)).BlindMode);
        var settings = await bot.Service<IMemberSettingsStore>().GetAsync(bot.Guild.Id, forgerId, none);
        Assert.Null(settings.TimeZone);
        Assert.False(settings.RemindersEnabled);
    }

    private static InteractionDataOption Option(string name, JsonElement value, IReadOnlyDictionary<string, string> values) => value.ValueKind switch
    {
        JsonValueKind.String => new InteractionDataOption
        {
            Name = name,
            Type = ApplicationCommandOptionType.String,
            Value = JsonSerializer.SerializeToElement(HostileInputCorpus.Expand(value.GetString()!, values)),
        },
        JsonValueKind.True or JsonValueKind.False => new InteractionDataOption { Name = name, Type = ApplicationCommandOptionType.Boolean, Value = value },
        _ => new InteractionDataOption { Name = name, Type = ApplicationCommandOptionType.Integer, Value = value },
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
