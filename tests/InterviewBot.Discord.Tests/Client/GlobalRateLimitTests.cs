using System.Collections.Concurrent;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

/// <summary>
/// The bot-wide limiter on a fake clock, with simulated round trips: a request is sent when it gets its slot, arrives at
/// the server some time later (where Discord counts it) and its response comes back later still.
/// </summary>
public sealed class GlobalRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Saturated_WithVaryingLatency_NoOneSecondWindowAtTheServerHoldsMoreThanTheLimit()
    {
        const int limit = 10;
        var time = new FakeTimeProvider(Start);
        using var global = new GlobalRateLimit(time, limit);
        var random = new Random(12);
        var trips = Enumerable.Range(0, 150)
            .Select(_ => new RoundTrip(TimeSpan.FromMilliseconds(random.Next(0, 120)), TimeSpan.FromMilliseconds(random.Next(0, 120))))
            .ToList();
        var log = new RequestLog();

        await PumpAsync(time, Task.WhenAll(trips.Select(trip => SendAsync(global, time, trip, log, CancellationToken.None))), TimeSpan.FromMilliseconds(10));

        Assert.Equal(trips.Count, log.Arrived.Count);
        // Any start, not only whole seconds: the emulator opens its window at the first request after the last one ended.
        AssertNoWindowHoldsMore(log.Arrived, limit);
        AssertNoWindowHoldsMore(log.Sent, limit);
    }

    [Fact]
    public async Task Saturated_ShortRoundTrips_SendsAtLeast95PercentOfTheLimit()
    {
        const int limit = 50;
        var time = new FakeTimeProvider(Start);
        using var global = new GlobalRateLimit(time, limit);
        var trip = new RoundTrip(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5));
        var log = new RequestLog();

        await PumpAsync(time, Task.WhenAll(Enumerable.Range(0, limit * 10).Select(_ => SendAsync(global, time, trip, log, CancellationToken.None))), TimeSpan.FromMilliseconds(5));

        // 500 requests used the span from the first send to one second after the last: that many seconds of budget.
        var sent = log.Sent.Order().ToList();
        var seconds = (sent[^1] - sent[0] + TimeSpan.FromSeconds(1)).TotalSeconds;
        var perSecond = sent.Count / seconds;
        Assert.True(perSecond >= 0.95 * limit, $"{perSecond:F1} requests/s of {limit}");
        Assert.True(perSecond <= limit, $"{perSecond:F1} requests/s of {limit}");
        AssertNoWindowHoldsMore(log.Arrived, limit);
    }

    [Fact]
    public async Task Pause_HoldsEveryRequestUntilItEnds()
    {
        var time = new FakeTimeProvider(Start);
        using var global = new GlobalRateLimit(time, 5);
        global.Pause(Start.AddSeconds(2.5));
        var log = new RequestLog();

        await PumpAsync(time, Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SendAsync(global, time, new RoundTrip(TimeSpan.Zero, TimeSpan.Zero), log, CancellationToken.None))), TimeSpan.FromMilliseconds(100));

        Assert.Equal(3, log.Sent.Count);
        Assert.All(log.Sent, at => Assert.True(at >= Start.AddSeconds(2.5), $"sent at {at:O} during the pause"));
    }

    [Fact]
    public async Task CancelledWhilePaused_GivesTheSlotBackAtOnce()
    {
        var time = new FakeTimeProvider(Start);
        using var global = new GlobalRateLimit(time, 2);
        global.Pause(Start.AddMinutes(1));
        using var cts = new CancellationTokenSource();

        var waiting = global.WaitAsync(cts.Token).AsTask();
        Assert.Equal(1, global.FreeSlots);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(2, global.FreeSlots);
    }

    [Fact]
    public async Task Released_SlotReturnsOneSecondAfterTheResponseNotAfterTheSend()
    {
        var time = new FakeTimeProvider(Start);
        using var global = new GlobalRateLimit(time, 1);
        await global.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        global.Release();

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, global.FreeSlots);
        time.Advance(GlobalRateLimit.Margin);
        await WaitUntilAsync(() => global.FreeSlots == 1);
    }

    private static async Task SendAsync(GlobalRateLimit global, TimeProvider time, RoundTrip trip, RequestLog log, CancellationToken cancellationToken)
    {
        await global.WaitAsync(cancellationToken);
        log.Sent.Add(time.GetUtcNow());
        await Task.Delay(trip.Out, time, cancellationToken);
        log.Arrived.Add(time.GetUtcNow());
        await Task.Delay(trip.Back, time, cancellationToken);
        global.Release();
    }

    private static void AssertNoWindowHoldsMore(IEnumerable<DateTimeOffset> times, int limit)
    {
        var ordered = times.Order().ToList();
        for (var i = limit; i < ordered.Count; i++)
        {
            // limit + 1 requests (i - limit .. i) inside one second would make one window hold more than the limit.
            Assert.True(ordered[i] - ordered[i - limit] >= TimeSpan.FromSeconds(1), $"requests {i - limit}..{i} fall within {(ordered[i] - ordered[i - limit]).TotalMilliseconds} ms");
        }
    }

    private static async Task PumpAsync(FakeTimeProvider time, Task work, TimeSpan step)
    {
        for (var i = 0; i < 20_000 && !work.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!work.IsCompleted)
            {
                time.Advance(step);
            }
        }

        Assert.True(work.IsCompleted, "the requests did not finish while the fake clock advanced");
        await work;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    private sealed record RoundTrip(TimeSpan Out, TimeSpan Back);

    private sealed class RequestLog
    {
        public ConcurrentBag<DateTimeOffset> Sent { get; } = [];

        public ConcurrentBag<DateTimeOffset> Arrived { get; } = [];
    }
}
