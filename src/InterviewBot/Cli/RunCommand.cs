using System.CommandLine;
using InterviewBot.Hosting;
using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewBot.Cli;

/// <summary><c>interviewbot run</c> (also the default verb): runs the bot until stopped.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the bot (the default when no verb is given).")
        {
            // Extra tokens such as --InterviewBot:DataDirectory=/tmp/x are configuration overrides for the host.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        try
        {
            using var host = BotHost.Build(hostArgs);
            var exit = host.Services.GetRequiredService<BotExit>(); // RunAsync disposes the container
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            if (exit.FatalMessage is { } fatal)
            {
                await Console.Error.WriteLineAsync($"interviewbot: {fatal}").ConfigureAwait(false);
                return ExitCodes.StartupError;
            }

            return ExitCodes.Success;
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"interviewbot: {e.Message}").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }
        catch (Exception e) when (e is DatabaseNewerThanCodeException or MigrationFailedException)
        {
            await Console.Error.WriteLineAsync($"interviewbot: {e.Message}").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"interviewbot: invalid configuration: {string.Join("; ", e.Failures)}").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }
    }
}
