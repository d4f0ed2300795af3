namespace InterviewBot.Hosting;

/// <summary>Why the bot stopped on its own (a fatal gateway close, say), for the command line to print and exit with.</summary>
public sealed class BotExit
{
    public string? FatalMessage { get; private set; }

    public void Fail(string message) => FatalMessage ??= message;
}
