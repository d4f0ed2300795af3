using System.Diagnostics;
using System.Text;

namespace InterviewBot.Tests.Infrastructure;

/// <summary>Runs the real <c>interviewbot</c> executable (copied beside the tests) as a child process.</summary>
public static class BotProcess
{
    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "interviewbot.dll");

    /// <summary>Starts the bot with a clean environment: no inherited token or InterviewBot settings.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = StartInfo("dotnet", [ExecutablePath, .. args], environment, workingDirectory);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the interviewbot process");
    }

    /// <summary>
    /// How a bot process is started: output and input redirected, the caller's own bot settings (token, data directory,
    /// environment) removed so only <paramref name="environment"/> configures it. <paramref name="fileName"/> may be a
    /// wrapper (e.g. <c>unshare</c>) that ends by running <c>dotnet interviewbot.dll</c>.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("InterviewBot__", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DISCORD_TOKEN", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    /// <summary>Runs to completion (killing the process after <paramref name="timeout"/>) and captures its output.</summary>
    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? standardInput = null,
        string? workingDirectory = null)
    {
        using var process = Start(args, environment, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var started = Stopwatch.StartNew();
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"interviewbot {string.Join(' ', args)} did not exit within {timeout}; stderr: {await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr, started.Elapsed);
    }
}
