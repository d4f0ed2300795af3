using System.Diagnostics.Metrics;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDiscordRestClient"/>, <see cref="IDiscordGateway"/>, the WebSocket transport,
    /// <see cref="DiscordMetrics"/> and <see cref="TimeProvider.System"/> (unless one is registered).
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, Action<DiscordClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DiscordClientOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DiscordMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
        services.TryAddSingleton(sp => new DiscordRestClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                // Wall-clock time, not the injected TimeProvider: a hung socket does not wait for a test's fake clock.
                Timeout = sp.GetRequiredService<IOptions<DiscordClientOptions>>().Value.RequestTimeout,
            },
            sp.GetRequiredService<IOptions<DiscordClientOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>(),
            sp.GetRequiredService<DiscordMetrics>()));
        services.TryAddSingleton<IDiscordRestClient>(sp => sp.GetRequiredService<DiscordRestClient>());
        services.TryAddSingleton(sp => new GatewayClient(
            sp.GetRequiredService<IDiscordRestClient>(),
            sp.GetRequiredService<IOptions<DiscordClientOptions>>(),
            sp.GetRequiredService<IGatewayTransportFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GatewayClient>>(),
            sp.GetRequiredService<DiscordMetrics>()));
        services.TryAddSingleton<IDiscordGateway>(sp => sp.GetRequiredService<GatewayClient>());
        return services;
    }
}
