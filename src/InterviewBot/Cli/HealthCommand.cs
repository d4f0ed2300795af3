using System.CommandLine;
using System.Globalization;

namespace InterviewBot.Cli;

/// <summary>
/// <c>interviewbot health [--port N]</c>: asks a running bot's <c>/healthz</c> and exits 0 when it answers 200.
/// The Docker HEALTHCHECK uses it, so the runtime image needs no curl.
/// </summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The bot's InterviewBot:HealthPort.",
            DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("InterviewBot__HealthPort"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 8080,
        };
        var command = new Command("health", "Check a running bot's health endpoint (exit 0 when healthy).") { port };
        command.SetAction((parseResult, cancellationToken) => CheckAsync(parseResult.GetValue(port), cancellationToken));
        return command;
    }

    public static async Task<int> CheckAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(body).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.ProblemsFound;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"interviewbot: health endpoint on port {port} did not answer ({e.Message})").ConfigureAwait(false);
            return ExitCodes.ProblemsFound;
        }
    }
}
