using System.Diagnostics;
using DiscordEmulator.Scripting;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// Open-loop /ask load: interactions are sent on a fixed schedule (rate per second) whether or not earlier ones were
/// answered, round-robin over members of different guilds. The latency of each is the emulator's own measurement,
/// from building INTERACTION_CREATE to receiving the callback (the deferral).
/// </summary>
public static class AckLoad
{
    public static async Task<LatencySummary> RunAsync(IReadOnlyList<EmulatedMember> members, int rate, TimeSpan duration, string command = "ask")
    {
        var total = (int)(rate * duration.TotalSeconds);
        var responses = new List<Task<InteractionResponse>>(total);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                var handle = await members[sent % members.Count].RunsCommandAsync(command);
                responses.Add(handle.ResponseTask);
            }

            await Task.Delay(1);
        }

        var achievedRate = sent / clock.Elapsed.TotalSeconds;
        try
        {
            await Task.WhenAll(responses).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Counted below as missing.
        }

        var latencies = responses.Where(r => r.IsCompletedSuccessfully).Select(r => r.Result.Latency.TotalMilliseconds).ToList();
        return LatencySummary.From(rate, sent, achievedRate, latencies);
    }
}
