using System.CommandLine;
using InterviewBot.Configuration;
using InterviewBot.Storage;
using Microsoft.Extensions.Configuration;

namespace InterviewBot.Cli;

/// <summary>
/// <c>interviewbot backup [--to FILE]</c>: an online, verified copy of the database (safe while the bot runs);
/// prints the path of the copy. The default file is <c>&lt;data dir&gt;/backups/interviewbot-yyyyMMdd-HHmmss.db</c>.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var to = new Option<string?>("--to") { Description = "Where to write the copy (must not exist)." };
        var command = new Command("backup", "Copy the database to a verified backup file (safe while the bot runs).") { to };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(to), TimeProvider.System, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string? to, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var options = LoadOptions();
        var destination = string.IsNullOrWhiteSpace(to)
            ? DatabaseBackup.DefaultPath(ResolvedPaths.DataDirectory(options), time.GetUtcNow())
            : Path.GetFullPath(to);
        try
        {
            await DatabaseBackup.BackupAsync(ResolvedPaths.DatabasePath(options), destination, cancellationToken).ConfigureAwait(false);
        }
        catch (BackupFailedException e)
        {
            await Console.Error.WriteLineAsync($"interviewbot: {e.Message}").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }

        await Console.Out.WriteLineAsync(destination).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The same sources as the bot for the data directory: appsettings.json beside the executable, then environment variables.</summary>
    private static InterviewBotOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(InterviewBotOptions.SectionName).Get<InterviewBotOptions>() ?? new InterviewBotOptions();
    }
}
