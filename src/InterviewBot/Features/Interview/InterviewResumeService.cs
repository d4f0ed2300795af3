using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Interview;

/// <summary>At start-up, picks up interviews that were between two questions when the bot stopped.</summary>
public sealed partial class InterviewResumeService(InterviewService interviews, ILogger<InterviewResumeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await interviews.ResumeAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or InvalidOperationException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resuming interviews after start-up failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
