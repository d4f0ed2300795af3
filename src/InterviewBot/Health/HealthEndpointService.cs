using System.Net;
using System.Text.Json;
using InterviewBot.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Health;

/// <summary>
/// Serves <c>GET /healthz</c> on a loopback port (when <see cref="InterviewBotOptions.HealthPort"/> is set) from the
/// bot's registered health checks: gateway, scheduler, database. 200 when healthy or degraded, 503 when unhealthy.
/// </summary>
public sealed partial class HealthEndpointService(
    IOptions<InterviewBotOptions> options,
    HealthCheckService healthChecks,
    ILogger<HealthEndpointService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HealthPort is not (> 0 and var port))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(healthChecks);
        app = builder.Build();
        app.MapGet("/healthz", WriteReportAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteReportAsync(HttpContext context)
    {
        var report = await healthChecks.CheckHealthAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        var body = new HealthReportBody(
            report.Status.ToString(),
            report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthEntryBody(e.Value.Status.ToString(), e.Value.Description, e.Value.Data.ToDictionary(d => d.Key, d => d.Value?.ToString()))));
        await JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthReportBody, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health endpoint listening on http://127.0.0.1:{Port}/healthz")]
    private partial void LogListening(int port);
}
