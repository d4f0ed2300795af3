using System.Diagnostics;

namespace InterviewBot.Tests.Infrastructure;

/// <summary>
/// The real <c>interviewbot</c> executable running as a child process (started by <see cref="BotProcess.Start"/>), with
/// its output drained into memory (a full pipe would block the bot) so a failing test can show it. <see cref="Kill"/> is
/// <c>kill -9</c> of the whole process tree: no shutdown code runs, as in a power cut or an OOM kill.
/// </summary>
public sealed class RunningBot : IDisposable
{
    private const int MaxLines = 400;
    private readonly Process _process;
    private readonly List<string> _output = [];

    private RunningBot(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Whether <see cref="Kill"/> was called.</summary>
    public bool Killed { get; private set; }

    /// <summary>The last lines the bot wrote (standard output and error), oldest first.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static RunningBot Start(IReadOnlyDictionary<string, string?> environment, IEnumerable<string>? args = null) =>
        new(BotProcess.Start(args ?? [], environment));

    /// <summary>A bot started some other way (e.g. through a wrapper, see <see cref="BotProcess.StartInfo"/>).</summary>
    public static RunningBot Start(ProcessStartInfo info) =>
        new(Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName));

    /// <summary>SIGKILL to the bot and its children; returns at once (safe to call from an emulator callback).</summary>
    public void Kill()
    {
        Killed = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits until the process is gone (after <see cref="Kill"/> or a crash).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"interviewbot (pid {_process.Id}) did not exit within {timeout}; output:\n{Output}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Count == MaxLines)
            {
                _output.RemoveAt(0);
            }

            _output.Add(line);
        }
    }
}
