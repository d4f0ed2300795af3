using System.Diagnostics.Metrics;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

/// <summary>A DiscordRestClient over a fake handler and a fake clock, with its counters collected.</summary>
internal sealed class RestHarness : IDisposable
{
    public const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.secret-token-value";

    private readonly MeterListener _listener = new();
    private readonly HttpClient _http;

    public RestHarness(Func<RecordedRequest, HttpResponseMessage> respond, Action<DiscordClientOptions>? configure = null)
    {
        Handler = new FakeDiscordHandler(respond);
        _http = new HttpClient(Handler);
        var options = new DiscordClientOptions { Token = Token, ApiBaseUrl = "https://discord.test/api/v10", UserAgentUrl = "https://example.org/bot", UserAgentVersion = "1.2.3" };
        configure?.Invoke(options);
        Metrics = new DiscordMetrics();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (Counters)
            {
                var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
                Counters[key] = Counters.GetValueOrDefault(key) + value;
            }
        });
        _listener.Start();
        Client = new DiscordRestClient(_http, Options.Create(options), Time, NullLogger<DiscordRestClient>.Instance, Metrics);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public FakeDiscordHandler Handler { get; }

    public DiscordRestClient Client { get; }

    public DiscordMetrics Metrics { get; }

    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public long Counter(string prefix)
    {
        lock (Counters)
        {
            return Counters.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }

    /// <summary>Advances the fake clock in small steps until the task finishes (a guard stops runaway loops).</summary>
    public async Task<T> PumpAsync<T>(Task<T> task, TimeSpan? step = null, int maxSteps = 20000)
    {
        await PumpAsync((Task)task, step, maxSteps);
        return await task;
    }

    public async Task PumpAsync(Task task, TimeSpan? step = null, int maxSteps = 20000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(50));
            }
        }

        Assert.True(task.IsCompleted, "the operation did not finish while the fake clock advanced");
        await task;
    }

    public void Dispose()
    {
        _listener.Dispose();
        Client.Dispose();
        _http.Dispose();
        Handler.Dispose();
        Metrics.Dispose();
    }
}
