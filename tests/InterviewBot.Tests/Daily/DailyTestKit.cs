using Microsoft.Extensions.Time.Testing;
using DiscordEmulator.Scripting;
using InterviewBot.Features.Daily;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Daily;

/// <summary>Shared steps of the daily scenarios.</summary>
internal static class DailyTestKit
{
    /// <summary>Thursday 15 January 2026, 07:00 UTC = 08:00 in Berlin: an hour before a 09:00 Berlin schedule.</summary>
    public static readonly DateTimeOffset ThursdayMorning = new(2026, 1, 15, 7, 0, 0, TimeSpan.Zero);

    /// <summary>09:00 Berlin on that Thursday.</summary>
    public static readonly DateTimeOffset NineBerlin = new(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);

    public static EmulatedMember Admin(BotUnderTest bot) =>
        bot.Guild.Members.FirstOrDefault(m => m.Name == "admin") ?? bot.Guild.AddMember("admin", DiscordEmulator.Permissions.ManageGuild);

    /// <summary>
    /// Awaits work on the bot's fake clock while letting that clock move forward in small steps, as real time would:
    /// the post pacer spaces posts by waiting on the clock, so a post queued behind the periodic sweep's catch-up
    /// would otherwise wait forever on a clock nobody advances.
    /// </summary>
    public static async Task<T> WhileTimePassesAsync<T>(FakeTimeProvider time, Task<T> work)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(10));
            if (!work.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        return await work;
    }

    public static async Task<string> RunAsync(BotUnderTest bot, EmulatedMember member, string command, params (string Name, object? Value)[] options)
    {
        var handle = await member.RunsCommandAsync(command, options);
        DiscordEmulator.State.EmulatedMessage reply;
        try
        {
            reply = await handle.WaitForMessageAsync(m => m.Content.Length > 0, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            // Say what the bot was doing when the reply never came.
            var recent = bot.Discord.Requests.TakeLast(15).Select(r => $"{r.Time:HH:mm:ss.fff} {r.RouteKey} {r.Status}");
            throw new TimeoutException($"/{command}: no reply; {bot.Discord.Requests.Count} requests, last: {string.Join(" | ", recent)}; violations: {string.Join(", ", bot.Discord.Violations.Select(v => v.ToString()).Take(5))}", e);
        }

        Assert.True(reply.Ephemeral);
        return reply.Content;
    }

    public static async Task<DailySchedule> SetupAsync(BotUnderTest bot, string time = "09:00", string zone = "Europe/Berlin", params (string Name, object? Value)[] more)
    {
        var reply = await RunAsync(bot, Admin(bot), "daily setup", [("channel", bot.Channel), ("time", time), ("timezone", zone), .. more]);
        Assert.Contains("schedule **", reply, StringComparison.Ordinal);
        var name = more.FirstOrDefault(o => o.Name == "name").Value as string ?? DailyCommand.DefaultName;
        return (await bot.Service<IDailyScheduleStore>().FindByNameAsync(bot.Guild.Id, name, CancellationToken.None))!;
    }

    public static IReadOnlyList<DiscordEmulator.State.EmulatedMessage> Questions(BotUnderTest bot, ulong channelId) =>
        [.. bot.Discord.Messages(channelId).Where(m => m.Author.IsBot && m.Embeds.Count > 0)];
}
