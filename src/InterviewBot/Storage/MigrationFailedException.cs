namespace InterviewBot.Storage;

/// <summary>A migration script failed and was rolled back; the database is still at the previous version. Exit code 2.</summary>
public sealed class MigrationFailedException : Exception
{
    public MigrationFailedException(string databasePath, Migration migration, int versionKept, Exception innerException)
        : base($"database migration {migration?.Version:D4}_{migration?.Name} failed on '{databasePath}' ({innerException?.Message.ReplaceLineEndings(" ")}); the database is unchanged at schema version {versionKept}.", innerException)
    {
        VersionKept = versionKept;
    }

    public MigrationFailedException()
    {
    }

    public MigrationFailedException(string message)
        : base(message)
    {
    }

    public MigrationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int VersionKept { get; }
}
