namespace InterviewBot.Storage;

/// <summary>The database was written by a newer InterviewBot; this build must not touch it. The lead maps this to exit code 2.</summary>
public sealed class DatabaseNewerThanCodeException : Exception
{
    public DatabaseNewerThanCodeException(string databasePath, int databaseVersion, int codeVersion)
        : base($"database '{databasePath}' is at schema version {databaseVersion}, but this build of InterviewBot only knows versions up to {codeVersion}. Run a newer InterviewBot or restore a backup made by this version.")
    {
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    public DatabaseNewerThanCodeException()
    {
    }

    public DatabaseNewerThanCodeException(string message)
        : base(message)
    {
    }

    public DatabaseNewerThanCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int DatabaseVersion { get; }

    public int CodeVersion { get; }
}
