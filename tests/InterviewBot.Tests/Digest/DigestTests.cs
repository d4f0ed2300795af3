using System.Globalization;
using InterviewBot.Features.Digest;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using InterviewBot.Tests.Stats;

namespace InterviewBot.Tests.Digest;

/// <summary>The weekly digest: its content for a scripted week, and /digest setup and off.</summary>
public sealed class DigestTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    [Fact]
    public async Task Digest_ScriptedWeek_PostsQuestionsParticipationBestAnswersAndTopReviewers()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var digestChannel = bot.Guild.AddTextChannel("digest");
        await bot.Service<IGuildSettingsStore>().UpdateAsync(
            bot.Guild.Id,
            s => s with { DigestEnabled = true, DigestChannelId = digestChannel.Id, DigestWeekday = DayOfWeek.Monday, DigestLocalTime = new TimeOnly(9, 0), DigestTimeZone = "Europe/Berlin" },
            CancellationToken.None);
        var script = new ScriptedActivity(bot);
        var (alice, bob, carol, dave) = (bot.Member("alice").Id, bot.Member("bob").Id, bot.Member("carol").Id, bot.Member("dave").Id);

        // The week of Monday 16 Nov 2026 in Berlin.
        var q1 = await script.AskPromptAsync(new DateTimeOffset(2026, 11, 17, 9, 0, 0, Cet), "cache-ttl");
        var q2 = await script.AskPromptAsync(new DateTimeOffset(2026, 11, 19, 9, 0, 0, Cet), "db-normalization");
        var q3 = await script.AskPromptAsync(new DateTimeOffset(2026, 11, 22, 23, 30, 0, Cet), "cache-eviction");   // Sunday night: still this week
        await script.AskPromptAsync(new DateTimeOffset(2026, 11, 23, 0, 30, 0, Cet), "cache-purpose");             // Monday 00:30: next week
        await script.AskPromptAsync(new DateTimeOffset(2026, 11, 15, 23, 30, 0, Cet), "cache-aside");              // Sunday before: last week

        var bobQ1 = await script.AnswerAsync(q1, bob, q1.PostedAt.AddHours(1), covered: 3, total: 3);
        var carolQ1 = await script.AnswerAsync(q1, carol, q1.PostedAt.AddHours(2), covered: 2, total: 3);
        var carolQ2 = await script.AnswerAsync(q2, carol, q2.PostedAt.AddHours(1), covered: 4, total: 4);
        var daveQ2 = await script.AnswerAsync(q2, dave, q2.PostedAt.AddHours(2), covered: 4, total: 4);
        // Peer review decides q2: carol's equal coverage is pulled down by a harsh review, dave's kept up by a top one.
        await script.ReviewAsync(carolQ1, bob, 3, q1.PostedAt.AddDays(1));
        await script.ReviewAsync(daveQ2, bob, 5, q2.PostedAt.AddDays(1));
        await script.ReviewAsync(carolQ2, alice, 1, q2.PostedAt.AddDays(1));
        // Written after the week ended: not in this digest's reviewer counts.
        await script.ReviewAsync(bobQ1, dave, 5, new DateTimeOffset(2026, 11, 23, 8, 0, 0, Cet));

        var fire = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cet);
        await bot.Service<DigestService>().RunAsync(bot.Guild.Id, fire, CancellationToken.None);

        var post = Assert.Single(bot.Discord.Messages(digestChannel.Id));
        var text = post.EmbedText;
        var guild = bot.Guild.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Contains("Week of 16 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("3 questions · 4 answers from 3 members · 3 reviews", text, StringComparison.Ordinal);
        Assert.Contains($"https://discord.com/channels/{guild}/{q1.ThreadId}", text, StringComparison.Ordinal);
        var bobMessage = (await bot.Service<IAnswerStore>().GetAsync(bobQ1, CancellationToken.None))!.Parts[0].MessageId;
        var daveMessage = (await bot.Service<IAnswerStore>().GetAsync(daveQ2, CancellationToken.None))!.Parts[0].MessageId;
        Assert.Contains($"2 members answered · top answer by <@{bob}> (score 100) · [read it](https://discord.com/channels/{guild}/{q1.ThreadId}/{bobMessage})", text, StringComparison.Ordinal);
        Assert.Contains($"2 members answered · top answer by <@{dave}> (score 100) · [read it](https://discord.com/channels/{guild}/{q2.ThreadId}/{daveMessage})", text, StringComparison.Ordinal);
        Assert.Contains($"{q3.ThreadId})**\nNobody answered this one yet.", text, StringComparison.Ordinal);
        Assert.Contains($"🥇 <@{bob}> — 2 reviews", text, StringComparison.Ordinal);
        Assert.Contains($"🥈 <@{alice}> — 1 review", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"<@{dave}> — 1 review", text, StringComparison.Ordinal);
        Assert.Empty(post.PingedUserIds);

        // The job schedules the next digest: the first Monday 09:00 in Berlin after now (missed weeks are not queued).
        var next = (await bot.Service<DigestScheduler>().NextAsync(bot.Guild.Id, CancellationToken.None))!.Value;
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((DayOfWeek.Monday, 9, 0), (local.DayOfWeek, local.Hour, local.Minute));
        Assert.InRange(next - bot.Time.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Digest_Disabled_PostsNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var q1 = await script.AskPromptAsync(new DateTimeOffset(2026, 11, 17, 9, 0, 0, Cet), "cache-ttl");
        await script.AnswerAsync(q1, bot.Member("bob").Id, q1.PostedAt.AddHours(1));
        Assert.False((await bot.Service<IGuildSettingsStore>().GetAsync(bot.Guild.Id, CancellationToken.None)).DigestEnabled);

        await bot.Service<DigestService>().RunAsync(bot.Guild.Id, new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.DoesNotContain(bot.Discord.Messages(bot.Channel.Id), m => m.EmbedText.Contains("Weekly digest", StringComparison.Ordinal));
        Assert.Null(await bot.Service<DigestScheduler>().NextAsync(bot.Guild.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DigestCommand_SetupSchedulesTheGuildsDigest_InvalidZoneExplains_OffCancels()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var admin = bot.Guild.AddMember("owner", DiscordEmulator.Permissions.ManageGuild);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Member("bob").RunsCommandAsync("digest off"));

        var bad = await (await admin.RunsCommandAsync("digest setup", ("channel", bot.Channel), ("day", "sun"), ("time", "18:00"), ("timezone", "Mars/Olympus"))).WaitForResponseAsync();
        Assert.True(bad.Ephemeral);
        Assert.Contains("Mars/Olympus", bad.Content, StringComparison.Ordinal);
        Assert.Null(await bot.Service<DigestScheduler>().NextAsync(bot.Guild.Id, CancellationToken.None));

        var setup = await (await admin.RunsCommandAsync("digest setup", ("channel", bot.Channel), ("day", "sun"), ("time", "18:00"), ("timezone", "Europe/Berlin"))).WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.Contains("every Sunday at 18:00 (Europe/Berlin)", setup.Content, StringComparison.Ordinal);
        var settings = await bot.Service<IGuildSettingsStore>().GetAsync(bot.Guild.Id, CancellationToken.None);
        Assert.Equal((true, bot.Channel.Id, DayOfWeek.Sunday, new TimeOnly(18, 0), "Europe/Berlin"), (settings.DigestEnabled, settings.DigestChannelId, settings.DigestWeekday, settings.DigestLocalTime, settings.DigestTimeZone));
        var next = await bot.Service<DigestScheduler>().NextAsync(bot.Guild.Id, CancellationToken.None);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTime(next!.Value, berlin);
        Assert.Equal((DayOfWeek.Sunday, 18, 0), (local.DayOfWeek, local.Hour, local.Minute));
        Assert.InRange(next.Value - bot.Time.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(7));

        var off = await (await admin.RunsCommandAsync("digest off")).WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.Contains("off", off.Content, StringComparison.Ordinal);
        Assert.False((await bot.Service<IGuildSettingsStore>().GetAsync(bot.Guild.Id, CancellationToken.None)).DigestEnabled);
        Assert.Null(await bot.Service<DigestScheduler>().NextAsync(bot.Guild.Id, CancellationToken.None));
    }
}
