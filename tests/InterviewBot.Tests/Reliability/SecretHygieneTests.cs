using System.Collections.Concurrent;
using System.Text;
using DiscordEmulator;
using InterviewBot.Hosting;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Tests.Reliability;

/// <summary>The token never leaks: not in logs (at Trace, with exceptions), /help, nor the database, while errors are forced.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task Token_ForcedRestAndGatewayErrors_NeverAppearsInLogsExceptionsHelpOrDatabase()
    {
        var token = $"Sekr3t.{Guid.NewGuid():N}.tok";
        await using var discord = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { BotToken = token, HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var guild = discord.AddGuild("Backend Club");
        guild.AddTextChannel("interview");
        var alice = guild.AddMember("alice");
        using var data = new TempDirectory();
        var logs = new CapturingLoggerProvider();
        using var host = BotHost.Build(
            [
                $"--InterviewBot:Discord:Token={token}",
                $"--InterviewBot:Discord:ApiBaseUrl={discord.ApiBaseUrl}",
                $"--InterviewBot:DataDirectory={data.Path}",
                "--Logging:LogLevel:Default=Trace",
            ],
            services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
            });
        await host.StartAsync();
        await discord.WaitForReadyAsync(TimeSpan.FromSeconds(20));
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (discord.Commands.Count == 0)
            {
                await Task.Delay(20, cts.Token);
            }
        }

        // REST errors of every kind while a member asks: 401, 403, 500s, then an answer that fails for good.
        discord.Faults.FailRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", 500, times: 10);
        var ask = await alice.RunsCommandAsync("ask");
        var apology = await ask.WaitForMessageAsync(m => m.Content.Length > 0, TimeSpan.FromSeconds(60));
        discord.Faults.ClearRequestFaults();
        discord.Faults.FailRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", 401, times: 1);
        await (await alice.RunsCommandAsync("ask")).WaitForMessageAsync(m => m.Content.Length > 0, TimeSpan.FromSeconds(60));
        var help = await (await alice.RunsCommandAsync("help")).WaitForResponseAsync();

        // Discord refuses the token on the gateway: fatal, logged, the host stops.
        discord.Faults.CloseGateway(4004, "Authentication failed.");
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (!logs.Entries.Any(e => e.Level == LogLevel.Critical))
            {
                await Task.Delay(20, cts.Token);
            }
        }

        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Contains(logs.Entries, e => e.Exception is not null); // errors really were forced and logged with exceptions
        Assert.All(logs.Entries, e => Assert.DoesNotContain(token, e.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(token, apology.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(token, help.Data?.ToJsonString() ?? "", StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            Assert.DoesNotContain(token, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    private sealed record LogEntry(LogLevel Level, string Text, Exception? Exception);

    /// <summary>Every log entry, with its scopes' and exception's full text.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder().Append(category).Append(' ').Append(formatter(state, exception)).Append(' ').Append(state);
                provider._scopes.ForEachScope((scope, sb) => sb.Append(' ').Append(scope), text);
                if (exception is not null)
                {
                    text.Append(' ').Append(exception);
                }

                provider.Entries.Enqueue(new LogEntry(logLevel, text.ToString(), exception));
            }
        }
    }
}
