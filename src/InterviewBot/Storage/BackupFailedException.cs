namespace InterviewBot.Storage;

/// <summary>A backup could not be made; the message is one line for the operator.</summary>
public sealed class BackupFailedException : Exception
{
    public BackupFailedException()
    {
    }

    public BackupFailedException(string message)
        : base(message)
    {
    }

    public BackupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
