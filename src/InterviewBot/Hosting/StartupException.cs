namespace InterviewBot.Hosting;

/// <summary>
/// A problem the operator must fix before the bot can start (missing token, unusable directory, invalid bank).
/// Its message is one line that says what to do; the CLI prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
