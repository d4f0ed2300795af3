using System.Diagnostics;
using DiscordEmulator.Scripting;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// Answer ingestion: members post <c>count</c> messages into open prompt threads as fast as the emulator can send
/// MESSAGE_CREATE, and the driver watches the bot's database (a read-only connection; WAL lets it read while the bot
/// writes) until every part is stored.
/// </summary>
public static class IngestLoad
{
    public sealed record Result(int Count, double OfferedRate, double StoredRate, int Stored);

    public static async Task<Result> RunAsync(string databasePath, IReadOnlyList<(EmulatedMember Member, ulong ThreadId)> posters, int count, int contentLength)
    {
        var before = BotDatabase.Count(databasePath, "answer_parts");
        var content = GeneratedBank.Answer(11, contentLength);
        var clock = Stopwatch.StartNew();
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = p; i < count; i += 4)
            {
                var (member, thread) = posters[i % posters.Count];
                await member.PostsAsync(thread, content);
            }
        })).ToArray();
        var stored = 0;
        var deadline = TimeSpan.FromSeconds(120);
        var offered = double.NaN;
        while (clock.Elapsed < deadline)
        {
            if (double.IsNaN(offered) && producers.All(p => p.IsCompleted))
            {
                await Task.WhenAll(producers);
                offered = count / clock.Elapsed.TotalSeconds;
            }

            stored = BotDatabase.Count(databasePath, "answer_parts") - before;
            if (stored >= count)
            {
                break;
            }

            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        return new Result(count, offered, stored / elapsed, stored);
    }
}
