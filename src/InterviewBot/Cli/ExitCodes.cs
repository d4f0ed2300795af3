namespace InterviewBot.Cli;

/// <summary>Process exit codes, stable for scripts and the Docker health of the container.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A check found problems (e.g. <c>questions check</c> on an invalid bank).</summary>
    public const int ProblemsFound = 1;

    /// <summary>The bot or a verb could not start: missing token, unusable directory, invalid bank, bad arguments.</summary>
    public const int StartupError = 2;
}
