using System.Diagnostics;
using System.Globalization;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>A process started by the driver (the real bot or the echo bot), with its resident memory readable.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, long startedTimestamp)
    {
        _process = process;
        StartedTimestamp = startedTimestamp;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedTimestamp { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public List<string> Output { get; } = [];

    /// <summary>The real bot: interviewbot.dll (copied beside this program) pointed at the emulator.</summary>
    public static ChildProcess StartBot(IEnumerable<string> arguments) =>
        Start(Path.Combine(AppContext.BaseDirectory, "interviewbot.dll"), arguments);

    public static ChildProcess StartEchoBot(string token, Uri apiBaseUrl) =>
        Start(typeof(EchoBot).Assembly.Location, [EchoBot.Verb, token, apiBaseUrl.ToString()]);

    /// <summary>VmRSS of the process in megabytes (Linux /proc).</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        throw new InvalidOperationException("VmRSS not found");
    }

    /// <summary>
    /// Where the resident memory is (Linux /proc): anonymous (heaps, JIT data), file-backed (mapped assemblies and
    /// native libraries, shared with other .NET processes) and shared memory (.NET's double-mapped executable code).
    /// </summary>
    public string ResidentBreakdown()
    {
        var fields = File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal) || l.StartsWith("RssShmem:", StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .Select(p => $"{p[0][3..].ToLowerInvariant()} {long.Parse(p[1].Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0:0.0}");
        return string.Join(" / ", fields) + " MB";
    }

    /// <summary>Asks the process to stop (closing standard input for the echo bot, SIGTERM for the bot), then waits.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static ChildProcess Start(string dll, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("InterviewBot__", StringComparison.OrdinalIgnoreCase) || k == "DISCORD_TOKEN").ToList())
        {
            info.Environment.Remove(key);
        }

        var started = Stopwatch.GetTimestamp();
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll), started);
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (Output)
        {
            if (Output.Count < 200)
            {
                Output.Add(line);
            }
        }
    }
}
