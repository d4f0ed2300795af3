using System.Globalization;
using System.Net;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

public sealed class RateLimiterTests
{
    [Fact]
    public async Task ThreeHundredConcurrentCalls_OneRoute_NeverSendIntoAnExhaustedBucket()
    {
        BucketServer? server = null;
        using var harness = new RestHarness(r => server!.Handle(r));
        server = new BucketServer(harness.Time, limit: 5, window: TimeSpan.FromSeconds(1));

        var calls = Enumerable.Range(0, 300)
            .Select(i => harness.Client.CreateMessageAsync(new Snowflake(100), new MessageCreate { Content = $"m{i}" }))
            .ToArray();
        await harness.PumpAsync(Task.WhenAll(calls), TimeSpan.FromMilliseconds(100), maxSteps: 50000);

        Assert.Equal(0, server.Violations);
        Assert.Equal(300, server.Served);
        Assert.Equal(0, harness.Counter("discord.rest.rate_limited"));
    }

    [Fact]
    public async Task TwoChannels_SameBucketHash_AreLimitedSeparately()
    {
        BucketServer? server = null;
        using var harness = new RestHarness(r => server!.Handle(r));
        server = new BucketServer(harness.Time, limit: 2, window: TimeSpan.FromSeconds(10));

        // Two per channel fit in each channel's own bucket: no clock movement needed.
        await Task.WhenAll(
            harness.Client.CreateMessageAsync(new Snowflake(1), new MessageCreate { Content = "a" }),
            harness.Client.CreateMessageAsync(new Snowflake(1), new MessageCreate { Content = "b" }),
            harness.Client.CreateMessageAsync(new Snowflake(2), new MessageCreate { Content = "c" }),
            harness.Client.CreateMessageAsync(new Snowflake(2), new MessageCreate { Content = "d" })).WaitAsync(TimeSpan.FromSeconds(10));

        var third = harness.Client.CreateMessageAsync(new Snowflake(1), new MessageCreate { Content = "e" });
        await Task.Delay(20);
        Assert.False(third.IsCompleted);
        Assert.Equal(4, server.Served);

        await harness.PumpAsync(third, TimeSpan.FromSeconds(1));
        Assert.Equal(0, server.Violations);
    }

    [Fact]
    public async Task GlobalRateLimit429_PausesEveryRouteUntilRetryAfter()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var sendTimes = new List<(string Path, DateTimeOffset At)>();
        FakeTimeProvider? time = null;
        var first = true;
        using var harness = new RestHarness(r =>
        {
            lock (sendTimes)
            {
                sendTimes.Add((r.PathAndQuery, time!.GetUtcNow()));
                if (first)
                {
                    first = false;
                    var limited = FakeDiscordHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":2.5,"global":true}""");
                    limited.Headers.Add("X-RateLimit-Global", "true");
                    limited.Headers.Add("X-RateLimit-Scope", "global");
                    limited.Headers.Add("Retry-After", "3");
                    return limited;
                }
            }

            return FakeDiscordHandler.Json(HttpStatusCode.OK, r.PathAndQuery.Contains("guilds", StringComparison.Ordinal) ? """{"id":"4"}""" : """{"id":"100","type":0}""");
        });
        time = harness.Time;

        var limited = harness.Client.GetChannelAsync(new Snowflake(1));
        await WaitUntil(() => harness.Counter("discord.rest.rate_limited") == 1);
        var others = new Task[] { harness.Client.GetChannelAsync(new Snowflake(2)), harness.Client.GetChannelAsync(new Snowflake(3)), harness.Client.GetGuildAsync(new Snowflake(4)) };
        await harness.PumpAsync(Task.WhenAll([limited, .. others]), TimeSpan.FromMilliseconds(100));

        Assert.Equal(5, sendTimes.Count);
        Assert.All(sendTimes.Skip(1), s => Assert.True(s.At >= start.AddSeconds(2.5), $"{s.Path} sent at {s.At:O} during the global pause"));
        Assert.Equal(1, harness.Counter("discord.rest.rate_limited|scope=global"));
        Assert.Equal(1, harness.Counter("discord.rest.invalid_requests"));
    }

    [Fact]
    public async Task SharedScope429_RetriesAfterRetryAfterAndIsNotAnInvalidRequest()
    {
        var calls = 0;
        FakeTimeProvider? time = null;
        DateTimeOffset? retriedAt = null;
        using var harness = new RestHarness(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var limited = FakeDiscordHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"limited","retry_after":1.5,"global":false}""");
                limited.Headers.Add("X-RateLimit-Scope", "shared");
                limited.Headers.Add("X-RateLimit-Bucket", "emoji");
                return limited;
            }

            retriedAt = time!.GetUtcNow();
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        time = harness.Time;
        var start = time.GetUtcNow();

        await harness.PumpAsync(harness.Client.CreateReactionAsync(new Snowflake(1), new Snowflake(2), "🔥"), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, calls);
        Assert.True(retriedAt >= start.AddSeconds(1.5));
        Assert.Equal(0, harness.Counter("discord.rest.invalid_requests"));
        Assert.Equal(1, harness.Counter("discord.rest.rate_limited|scope=shared"));
    }

    [Fact]
    public async Task ProactiveGlobalLimit_AllowsAtMost50PerSecond()
    {
        var sendTimes = new List<DateTimeOffset>();
        FakeTimeProvider? time = null;
        using var harness = new RestHarness(_ =>
        {
            lock (sendTimes)
            {
                sendTimes.Add(time!.GetUtcNow());
            }

            return FakeDiscordHandler.Json(HttpStatusCode.OK, """{"id":"1","type":0}""");
        });
        time = harness.Time;

        var calls = Enumerable.Range(1, 120).Select(i => harness.Client.GetChannelAsync(new Snowflake((ulong)i))).ToArray();
        await harness.PumpAsync(Task.WhenAll(calls), TimeSpan.FromMilliseconds(100));

        // The limiter grants slots ≥ 1 s apart per 50; the fake clock may move on by one pump step between a
        // grant and the handler reading the clock, so the handler's view is allowed that one step of slack.
        var ordered = sendTimes.Order().ToArray();
        Assert.Equal(120, ordered.Length);
        for (var i = 50; i < ordered.Length; i++)
        {
            Assert.True(ordered[i] - ordered[i - 50] >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(100), $"request {i} broke 50/s");
        }

        Assert.True(ordered[^1] - ordered[0] >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task WaitingForBucketReset_Cancelled_ThrowsOperationCanceled()
    {
        BucketServer? server = null;
        using var harness = new RestHarness(r => server!.Handle(r));
        server = new BucketServer(harness.Time, limit: 1, window: TimeSpan.FromMinutes(5));
        await harness.Client.CreateMessageAsync(new Snowflake(1), new MessageCreate { Content = "a" });
        using var cts = new CancellationTokenSource();

        var waiting = harness.Client.CreateMessageAsync(new Snowflake(1), new MessageCreate { Content = "b" }, cts.Token);
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, server.Served);
    }

    [Fact]
    public async Task IdleBuckets_AreForgottenAfterTenMinutes()
    {
        using var harness = new RestHarness(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        for (var i = 1; i <= 20; i++)
        {
            await harness.Client.CreateInteractionResponseAsync(new Snowflake((ulong)i), $"token{i}", InteractionResponse.DeferredUpdate());
        }

        Assert.Equal(20, harness.Client.RateLimitBucketCount);
        harness.Time.Advance(TimeSpan.FromMinutes(9));
        harness.Client.SweepIdleBuckets();
        Assert.Equal(20, harness.Client.RateLimitBucketCount);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        harness.Client.SweepIdleBuckets();
        Assert.Equal(0, harness.Client.RateLimitBucketCount);

        await harness.Client.CreateInteractionResponseAsync(new Snowflake(1), "token1", InteractionResponse.DeferredUpdate());
        Assert.Equal(21, harness.Handler.Requests.Count);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    /// <summary>Emulates Discord's per-channel buckets on the fake clock and counts requests sent into an empty bucket.</summary>
    private sealed class BucketServer(FakeTimeProvider time, int limit, TimeSpan window)
    {
        private readonly Dictionary<string, (int Remaining, DateTimeOffset Reset)> _buckets = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public int Violations { get; private set; }

        public int Served { get; private set; }

        public HttpResponseMessage Handle(RecordedRequest request)
        {
            var channel = request.PathAndQuery.Split('/')[4];
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var bucket = _buckets.TryGetValue(channel, out var known) ? known : (Remaining: limit, Reset: now);
                if (now >= bucket.Reset)
                {
                    bucket = (limit, now + window);
                }

                HttpResponseMessage response;
                if (bucket.Remaining == 0)
                {
                    Violations++;
                    var retry = (bucket.Reset - now).TotalSeconds;
                    response = FakeDiscordHandler.Json(HttpStatusCode.TooManyRequests, string.Create(CultureInfo.InvariantCulture, $$"""{"message":"limited","retry_after":{{retry}},"global":false}"""));
                    response.Headers.Add("X-RateLimit-Scope", "user");
                }
                else
                {
                    bucket.Remaining--;
                    Served++;
                    response = FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson);
                }

                _buckets[channel] = bucket;
                response.Headers.Add("X-RateLimit-Bucket", "abcd1234");
                response.Headers.Add("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
                response.Headers.Add("X-RateLimit-Remaining", bucket.Remaining.ToString(CultureInfo.InvariantCulture));
                response.Headers.Add("X-RateLimit-Reset-After", (bucket.Reset - now).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
                return response;
            }
        }
    }
}
