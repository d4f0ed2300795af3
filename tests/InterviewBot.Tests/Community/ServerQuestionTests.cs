using System.Text;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using static InterviewBot.Tests.Community.CommunityScenario;

namespace InterviewBot.Tests.Community;

/// <summary>Staff-managed server questions end to end: add, edit, remove, import, export, disable, list and show.</summary>
public sealed class ServerQuestionTests
{
    private const string ValidFile = """
        - id: our-outbox
          category: messaging
          difficulty: medium
          tags: [outbox, kafka]
          prompt: |
            Why does our order service write events to an outbox table instead of publishing to Kafka directly?
          answer: |
            Writing the event to an **outbox** table in the same transaction as the order makes both commit or neither does.
            A relay then publishes outbox rows to Kafka and marks them sent, so a crash never loses an event; consumers
            must be idempotent because the relay may publish a row twice.
          key_points:
            - label: Same transaction
              phrases: [same transaction, outbox]
            - label: Relay publishes
              phrases: [relay]
            - label: Idempotent consumers
              phrases: [idempotent, twice]
          hint: What happens if the service crashes between the commit and the publish?

        - id: our-cache-keys
          category: caching
          difficulty: easy
          prompt: How are cache keys versioned in our catalog service?
          answer: |
            Every key starts with a **schema version** prefix, so a deploy that changes the cached shape bumps the version
            and old entries are simply never read again; they expire through their TTL instead of a risky mass delete.
          key_points:
            - label: Version prefix
              phrases: [schema version, version prefix]
            - label: Old entries ignored
              phrases: [never read]
            - label: Expire by TTL
              phrases: [ttl, expire]
        """;

    [Fact]
    public async Task Import_ValidFile_AddsEveryQuestion_WhichAskCanThenPost()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var reply = await ImportAsync(bot, "ours.yaml", ValidFile);

        Assert.Contains("Imported 2 questions", reply.Content, StringComparison.Ordinal);
        var own = await bot.Service<QuestionCatalog>().GuildQuestionsAsync(bot.Guild.Id, CancellationToken.None);
        Assert.Equal(["our-cache-keys", "our-outbox"], own.Select(q => q.Id).Order(StringComparer.Ordinal));
        var outbox = own.Single(q => q.Id == "our-outbox");
        Assert.Equal(["outbox", "kafka"], outbox.Tags);
        Assert.Equal("What happens if the service crashes between the commit and the publish?", outbox.Hint);

        var ask = await bot.Member("alice").RunsCommandAsync("ask", ("tag", "outbox"));
        await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));
        Assert.Contains("outbox table", Assert.Single(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0).EmbedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileWithTwoErrors_ReportsBothWithLineNumbers_AndImportsNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var broken = ValidFile
            .Replace("difficulty: easy", "difficulty: trivial", StringComparison.Ordinal)   // line 22
            .Replace("phrases: [relay]", "phrases: [message broker]", StringComparison.Ordinal); // the key point starts at line 14

        var reply = await ImportAsync(bot, "broken.yaml", broken);

        Assert.Contains("Nothing was imported", reply.Content, StringComparison.Ordinal);
        Assert.Contains("2 problems", reply.Content, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:14:", reply.Content, StringComparison.Ordinal);
        Assert.Contains("'Relay publishes'", reply.Content, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:22:", reply.Content, StringComparison.Ordinal);
        Assert.Contains("unknown difficulty 'trivial'", reply.Content, StringComparison.Ordinal);
        Assert.Empty(await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Import_IdOfABankQuestionOrAlreadyInTheServer_IsRefusedWithItsLine()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var bankId = bot.Service<QuestionBank>().Questions[0].Id;
        Assert.Contains("Imported 2", (await ImportAsync(bot, "first.yaml", ValidFile)).Content, StringComparison.Ordinal);

        var reply = await ImportAsync(bot, "again.yaml", ValidFile.Replace("id: our-cache-keys", $"id: {bankId}", StringComparison.Ordinal));

        Assert.Contains("again.yaml:1:", reply.Content, StringComparison.Ordinal);
        Assert.Contains("'our-outbox' already exists in this server", reply.Content, StringComparison.Ordinal);
        Assert.Contains($"'{bankId}' is a question of the built-in bank", reply.Content, StringComparison.Ordinal);
        Assert.Equal(2, (await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Export_RemoveAll_ImportTheExport_ExportsTheSameFileAndQuestions()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var mod = bot.Member("mod");
        await ImportAsync(bot, "ours.yaml", ValidFile);
        await AddAsync(bot, Form());   // derived key points
        await AddAsync(bot, Form(prompt: "How does a token bucket rate limiter handle bursts of API traffic?", answer: TokenBucketAnswer, category: "scalability", keyPoints: "Bucket refills: refill\nBursts allowed: burst\nRejected requests: 429"));

        var first = await ExportAsync(bot);
        var store = bot.Service<IGuildQuestionStore>();
        foreach (var question in await store.ListAsync(bot.Guild.Id, CancellationToken.None))
        {
            var remove = await mod.RunsCommandAsync("question remove", ("id", question.QuestionKey));
            Assert.Contains("Removed", (await remove.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);
        }

        Assert.Empty(await store.ListAsync(bot.Guild.Id, CancellationToken.None));
        Assert.Contains("Imported 4 questions", (await ImportAsync(bot, QuestionsFile, first)).Content, StringComparison.Ordinal);
        var second = await ExportAsync(bot);

        Assert.Equal(first, second);
        var scorer = new KeyPointScorer();
        var (before, problems) = QuestionFileParser.Parse("first", first, null, scorer);
        var (after, _) = QuestionFileParser.Parse("second", second, null, scorer);
        Assert.Empty(problems);
        Assert.Equal(4, before.Count);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var (b, a) = (before[i], after[i]);
            Assert.Equal((b.Id, b.Category, b.Difficulty, b.Prompt, b.Answer, b.Hint, b.Code), (a.Id, a.Category, a.Difficulty, a.Prompt, a.Answer, a.Hint, a.Code));
            Assert.Equal(b.Tags, a.Tags);
            Assert.Equal(b.KeyPoints.Select(k => (k.Label, string.Join('|', k.Phrases), k.Derived)), a.KeyPoints.Select(k => (k.Label, string.Join('|', k.Phrases), k.Derived)));
        }

        Assert.Contains(before, q => q.KeyPoints.All(k => k.Derived));
        Assert.Contains(before, q => q.KeyPoints.All(k => !k.Derived));
    }

    [Fact]
    public async Task Disable_BankQuestion_IsNeverChosenByAsk_AndEnableBringsItBack()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var pools = bot.Service<QuestionBank>().Questions.GroupBy(q => (q.Category, q.Difficulty)).Where(g => g.Count() >= 2).OrderBy(g => g.Count()).First();
        var disabled = pools.First();
        var mod = bot.Member("mod");

        var disable = await mod.RunsCommandAsync("question disable", ("id", disabled.Id));
        Assert.Contains("is disabled here", (await disable.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);

        var asked = new List<string>();
        for (var i = 0; i < pools.Count() + 1; i++)
        {
            var ask = await bot.Member("alice").RunsCommandAsync("ask", ("category", pools.Key.Category), ("difficulty", pools.Key.Difficulty.ToName()));
            await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));
            var message = bot.Discord.Messages(bot.Channel.Id).Last(m => m.Embeds.Count > 0);
            asked.Add((await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!.QuestionId);
        }

        Assert.DoesNotContain(disabled.Id, asked);
        Assert.Equal(pools.Count() - 1, asked.Distinct(StringComparer.Ordinal).Count());
        var eligible = await bot.Service<QuestionCatalog>().EligibleAsync(bot.Guild.Id, QuestionFilter.Any, CancellationToken.None);
        Assert.DoesNotContain(eligible, q => q.Id == disabled.Id);

        var enable = await mod.RunsCommandAsync("question enable", ("id", disabled.Id));
        Assert.Contains("back in this server's rotation", (await enable.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);
        eligible = await bot.Service<QuestionCatalog>().EligibleAsync(bot.Guild.Id, QuestionFilter.Any, CancellationToken.None);
        Assert.Contains(eligible, q => q.Id == disabled.Id);
    }

    [Fact]
    public async Task StaffSubcommands_ByAMember_AreRefusedWithTheNeededPermission()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var bankId = bot.Service<QuestionBank>().Questions[0].Id;

        foreach (var (command, options) in new (string, (string, object?)[])[]
        {
            ("question add", []),
            ("question export", []),
            ("question disable", [("id", bankId)]),
            ("question remove", [("id", bankId)]),
        })
        {
            var run = await alice.RunsCommandAsync(command, options);
            var reply = await run.WaitForMessageAsync(m => m.Content.Length > 0);
            Assert.Contains("Manage Messages", reply.Content, StringComparison.Ordinal);
        }

        Assert.Empty(await bot.Service<IGuildQuestionStore>().ListDisabledBankQuestionsAsync(bot.Guild.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Add_WithoutKeyPoints_DerivesMarkedPoints_EditChangesIt_RemoveKeepsHistoryResolvable()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var mod = bot.Member("mod");

        var added = await AddAsync(bot, Form());
        Assert.Contains("were derived from the answer", added.Content, StringComparison.Ordinal);
        var id = Assert.Single(await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None)).QuestionKey;

        var edit = await mod.RunsCommandAsync("question edit", ("id", id));
        Assert.Equal(9, (await edit.WaitForResponseAsync()).Type);
        var save = await mod.SubmitsModalAsync($"community:save:{id}", Form(difficulty: "hard"));
        Assert.Contains($"Saved `{id}`", (await save.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);
        var catalog = bot.Service<QuestionCatalog>();
        Assert.Equal(Difficulty.Hard, (await catalog.FindAsync(bot.Guild.Id, id, CancellationToken.None))!.Difficulty);

        var show = await mod.RunsCommandAsync("question show", ("id", id));
        var shown = await show.WaitForMessageAsync(m => m.Embeds.Count > 0);
        Assert.Contains("Key points (derived from the answer)", shown.EmbedText, StringComparison.Ordinal);
        Assert.Contains("idempotency key", shown.EmbedText, StringComparison.Ordinal);

        var memberShow = await bot.Member("bob").RunsCommandAsync("question show", ("id", id));
        var memberView = await memberShow.WaitForMessageAsync(m => m.Embeds.Count > 0);
        Assert.DoesNotContain("idempotency key", memberView.EmbedText, StringComparison.Ordinal);

        var remove = await mod.RunsCommandAsync("question remove", ("id", id));
        await remove.WaitForMessageAsync(m => m.Content.Contains("Removed", StringComparison.Ordinal));
        Assert.Empty(await catalog.GuildQuestionsAsync(bot.Guild.Id, CancellationToken.None));
        Assert.NotNull(await catalog.FindAsync(bot.Guild.Id, id, CancellationToken.None));
    }

    [Fact]
    public async Task List_BankSource_PagesWithNextAndPrevious()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var bank = bot.Service<QuestionBank>();
        var alice = bot.Member("alice");

        var list = await alice.RunsCommandAsync("question list", ("source", "bank"));
        var page1 = await list.WaitForMessageAsync(m => m.Embeds.Count > 0);
        var pages = (bank.Count + 9) / 10;
        Assert.Contains($"Page 1 of {pages}", page1.EmbedText, StringComparison.Ordinal);
        Assert.Contains($"`{bank.Questions[0].Id}`", page1.EmbedText, StringComparison.Ordinal);

        var next = page1.CustomIds.Single(c => c.EndsWith(":n", StringComparison.Ordinal));
        var click = await alice.ClicksButtonAsync(page1.Id, next);
        Assert.Equal(7, (await click.WaitForResponseAsync()).Type);
        var page2 = bot.Discord.Message(page1.Id)!;
        Assert.Contains($"Page 2 of {pages}", page2.EmbedText, StringComparison.Ordinal);
        Assert.Contains($"`{bank.Questions[10].Id}`", page2.EmbedText, StringComparison.Ordinal);
    }

    private const string QuestionsFile = "server-questions.yaml";

    private const string TokenBucketAnswer =
        "A token bucket holds up to a fixed number of tokens and a steady **refill** adds tokens at the sustained rate. " +
        "Each request takes one token, so a full bucket lets a short **burst** through at once while the long-run rate stays capped. " +
        "When the bucket is empty the API answers **429** Too Many Requests with a Retry-After header so clients back off.";

    private static async Task<EmulatedMessage> ImportAsync(BotUnderTest bot, string fileName, string yaml)
    {
        var file = bot.Discord.UploadAttachment(fileName, Encoding.UTF8.GetBytes(yaml), "application/x-yaml");
        var import = await bot.Member("mod").RunsCommandAsync("question import", ("file", file));
        return await import.WaitForMessageAsync(m => m.Content.Length > 0);
    }

    private static async Task<string> ExportAsync(BotUnderTest bot)
    {
        var export = await bot.Member("mod").RunsCommandAsync("question export");
        var reply = await export.WaitForMessageAsync(m => m.Attachments.Count > 0);
        var attachment = Assert.Single(reply.Attachments)!;
        Assert.Equal(QuestionsFile, attachment["filename"]!.GetValue<string>());
        Assert.True(reply.Ephemeral);
        var id = ulong.Parse(attachment["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetString(bot.Discord.AttachmentContent(id)!);
    }

    private static async Task<EmulatedMessage> AddAsync(BotUnderTest bot, (string, string)[] form)
    {
        var mod = bot.Member("mod");
        var open = await mod.RunsCommandAsync("question add");
        Assert.Equal(9, (await open.WaitForResponseAsync()).Type);
        var submit = await mod.SubmitsModalAsync("community:add", form);
        var reply = await submit.WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.Contains("Added", reply.Content, StringComparison.Ordinal);
        return reply;
    }
}
