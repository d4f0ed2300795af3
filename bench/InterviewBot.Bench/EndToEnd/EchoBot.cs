using InterviewBot.Discord;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// The latency ceiling: the bot's own Discord client in a separate process that defers every interaction the moment
/// it is decoded, with no dispatcher, handler, database or question bank behind it. Run as a child process by the
/// driver (<c>InterviewBot.Bench echo-bot TOKEN API_BASE_URL</c>), so it sees the same sockets and process boundary.
/// </summary>
public static class EchoBot
{
    public const string Verb = "echo-bot";

    public static async Task<int> RunAsync(string[] args)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddDiscordClient(o =>
            {
                o.Token = args[0];
                o.ApiBaseUrl = args[1];
                o.GlobalRequestsPerSecond = 1_000_000;
            });
        await using var provider = services.BuildServiceProvider();
        var gateway = provider.GetRequiredService<IDiscordGateway>();
        var rest = provider.GetRequiredService<IDiscordRestClient>();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        _ = Task.Run(async () =>
        {
            // The driver closes standard input to stop the child.
            await Console.In.ReadToEndAsync();
            await stop.CancelAsync();
        });
        var connection = gateway.RunAsync(stop.Token);
        try
        {
            await foreach (var gatewayEvent in gateway.Events.ReadAllAsync(stop.Token))
            {
                if (gatewayEvent is InteractionCreateEvent e)
                {
                    _ = rest.CreateInteractionResponseAsync(e.Interaction.Id, e.Interaction.Token, InteractionResponse.Deferred(), cancellationToken: stop.Token);
                }
            }

            await connection;
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
