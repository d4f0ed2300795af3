using System.Globalization;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Health;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewBot.Tests.Reliability;

/// <summary>The hostile-input corpus against the real host: each case's exact reaction is asserted.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task HostileAnswers_InAThread_StoredVerbatim_AcknowledgedOnce_AndNothingTheBotPostsPingsAnyone()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var role = bot.Guild.AddRole("devs", DiscordEmulator.Permissions.None);
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var values = Placeholders(bot, role);
        var cases = HostileInputCorpus.Answers();
        var posted = new List<(EmulatedMember Member, string Text, ulong MessageId)>();
        foreach (var hostile in cases)
        {
            var member = bot.Guild.AddMember(hostile.Name);
            var text = HostileInputCorpus.Expand(hostile.Text, values);
            posted.Add((member, text, (await member.PostsAsync(thread.Id, text)).Id));
        }

        // An edit that grows a short answer to 4,000 characters (Nitro's limit, twice the bot's own message limit).
        var grower = bot.Guild.AddMember("grower");
        var growing = await grower.PostsAsync(thread.Id, "short");
        var grown = new string('g', 4000);
        await grower.EditsAsync(growing.Id, grown);
        posted.Add((grower, grown, growing.Id));
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: posted.Count);

        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        foreach (var (member, text, messageId) in posted)
        {
            var answer = (await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, member.Id, CancellationToken.None))!;
            Assert.Equal(text, answer.Content); // stored exactly as written: no trimming, no normalising
            await WaitForReactionAsync(bot, messageId);
        }

        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));
        AssertNobodyPinged(bot, thread.Id);
        Assert.All(posted, p => Assert.Contains($"<@{p.Member.Id.ToString(CultureInfo.InvariantCulture)}>", string.Join('\n', bot.Discord.Messages(thread.Id).Where(m => m.Author.IsBot).Select(m => m.EmbedText)), StringComparison.Ordinal));
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task HostileAnswers_PrivateInBlindMode_RepostedAtRevealWithinDiscordsLimits_PingingNobody()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.Service<IGuildSettingsStore>().UpdateAsync(bot.Guild.Id, s => s with { BlindMode = true }, CancellationToken.None);
        var role = bot.Guild.AddRole("devs", DiscordEmulator.Permissions.None);
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var submit = $"prompt:submit:{prompt.PromptId.ToString(CultureInfo.InvariantCulture)}";
        var values = Placeholders(bot, role);
        var members = new List<EmulatedMember>();
        foreach (var hostile in HostileInputCorpus.Answers())
        {
            var member = bot.Guild.AddMember(hostile.Name);
            await (await member.ClicksButtonAsync(message.Id, "prompt:private")).WaitForResponseAsync();
            var saved = await (await member.SubmitsModalAsync(submit, ("answer", HostileInputCorpus.Expand(hostile.Text, values)))).WaitForResponseAsync();
            Assert.True(saved.Ephemeral);
            Assert.Contains("Saved your private answer", saved.Content, StringComparison.Ordinal);
            members.Add(member);
        }

        // The reveal posts ~13 messages into one thread: Discord's per-channel bucket (5 per 5 s here) paces it.
        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        // Every member's private answer was posted (the emulator refuses any message over Discord's limits) and pinged nobody.
        var posts = string.Join('\n', bot.Discord.Messages(thread.Id).Where(m => m.Author.IsBot).Select(m => m.EmbedText + m.Content));
        Assert.All(members, m => Assert.Contains($"<@{m.Id.ToString(CultureInfo.InvariantCulture)}>", posts, StringComparison.Ordinal));
        AssertNobodyPinged(bot, thread.Id);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task ForgedAndReplayedInteractions_EachGetsItsExactEphemeralRefusal_AndChangeNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, message, _) = await RevealTests.AskAsync(bot, "alice");
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var plain = await bot.Member("alice").PostsAsync(bot.Channel.Id, "just a message");
        var fixtures = await ForgeryFixtures.CreateAsync(bot);
        var (rest, recorder) = RecordingRestClient.Create();
        var dispatcher = new InteractionDispatcher(
            bot.Host.Services.GetServices<ICommandHandler>(),
            bot.Host.Services.GetServices<IComponentHandler>(),
            rest,
            bot.Service<BotMetrics>(),
            TimeProvider.System,
            NullLogger<InteractionDispatcher>.Instance);
        var values = new Dictionary<string, string>(fixtures.Values)
        {
            ["prompt_id"] = prompt.PromptId.ToString(CultureInfo.InvariantCulture),
            ["other_user"] = bot.Member("bob").Id.ToString(CultureInfo.InvariantCulture),
        };
        var carol = new User { Id = new Snowflake(bot.Member("carol").Id), Username = "carol" };

        var failures = new List<string>();
        var id = 1UL;
        foreach (var forged in HostileInputCorpus.Interactions())
        {
            recorder.Calls.Clear();
            ulong? guild = forged.Guild switch
            {
                "none" => null,
                "other" => bot.Guild.Id + 1,
                _ => bot.Guild.Id,
            };
            var onMessage = forged.Message switch
            {
                "prompt" => message.Id,
                "not-a-prompt" => plain.Id,
                "ghost-prompt" => fixtures.GhostPromptMessageId,
                _ => (ulong?)null,
            };
            var permissions = forged.Permissions is { } named ? Enum.Parse<Discord.Entities.Permissions>(named) : Discord.Entities.Permissions.None;
            var interaction = new Interaction
            {
                Id = new Snowflake(id++),
                ApplicationId = new Snowflake(bot.Discord.ApplicationId),
                Token = "forged-token",
                Type = forged.Kind switch { "command" => InteractionType.ApplicationCommand, "modal" => InteractionType.ModalSubmit, _ => InteractionType.MessageComponent },
                GuildId = guild is { } g ? new Snowflake(g) : null,
                ChannelId = new Snowflake(bot.Channel.Id),
                Member = guild is null ? null : new GuildMember { User = carol, Permissions = permissions },
                User = guild is null ? carol : null,
                Data = forged.Kind == "command"
                    ? ForgeryFixtures.Command(forged.Command!, forged.Options, values)
                    : new InteractionData { CustomId = HostileInputCorpus.Expand(forged.CustomId!, values), ComponentType = ComponentType.Button },
                Message = onMessage is { } m ? new Message { Id = new Snowflake(m), ChannelId = new Snowflake(bot.Channel.Id), Author = new User { Id = new Snowflake(bot.Discord.Bot.Id), Username = "bot" } } : null,
            };

            await dispatcher.DispatchAsync(interaction, CancellationToken.None);

            var expected = HostileInputCorpus.Expand(forged.Expected, values);
            var replies = recorder.Calls.Where(c => c.Method == nameof(Discord.Rest.IDiscordRestClient.CreateInteractionResponseAsync)).Select(c => (InterviewBot.Discord.Entities.InteractionResponse)c.Args[2]!).ToList();
            var edits = recorder.Calls.Where(c => c.Method == nameof(Discord.Rest.IDiscordRestClient.EditOriginalResponseAsync)).Select(c => ((MessageEdit)c.Args[2]!).Content).ToList();
            var ok = forged.Deferred
                ? replies is [{ Type: InteractionCallbackType.DeferredChannelMessageWithSource, Data: { } deferral }] && (deferral.Flags & MessageFlags.Ephemeral) != 0
                    && edits is [{ } edited] && edited == expected && recorder.Calls.Count == 2
                : replies is [{ Data: { } data } reply] && data.Content == expected && (data.Flags & MessageFlags.Ephemeral) != 0
                    && reply.Type == InteractionCallbackType.ChannelMessageWithSource && recorder.Calls.Count == 1;
            if (!ok)
            {
                failures.Add($"{forged.Name}: {string.Join(", ", recorder.Calls.Select(c => c.Method))} {string.Join(" | ", replies.Select(r => r.Data?.Content).Concat(edits))}");
            }
        }

        Assert.Empty(failures);
        Assert.Null((await bot.Service<IPromptStore>().GetAsync(prompt.PromptId, CancellationToken.None))!.RevealedAt);
        Assert.Empty(await bot.Service<IAnswerStore>().ListForPromptAsync(prompt.PromptId, CancellationToken.None));
        await fixtures.AssertUnchangedAsync(bot, carol.Id.Value);
    }

    internal static void AssertNobodyPinged(BotUnderTest bot, params ulong[] extraChannels)
    {
        var channels = new[] { bot.Channel.Id }.Concat(extraChannels);
        var botMessages = channels.SelectMany(bot.Discord.Messages).Where(m => m.Author.IsBot).ToList();
        Assert.NotEmpty(botMessages);
        Assert.All(botMessages, m =>
        {
            Assert.Empty(m.PingedUserIds);
            Assert.Empty(m.PingedRoleIds);
            Assert.False(m.PingedEveryone);
        });
    }

    private static Dictionary<string, string> Placeholders(BotUnderTest bot, EmulatedRole role) => new()
    {
        ["role"] = role.Mention,
        ["member"] = $"<@{bot.Member("bob").Id.ToString(CultureInfo.InvariantCulture)}>",
        ["member_id"] = bot.Member("bob").Id.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task WaitForReactionAsync(BotUnderTest bot, ulong messageId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!bot.Discord.Message(messageId)!.ReactionsOf("✅").Contains(bot.Discord.Bot.Id))
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
