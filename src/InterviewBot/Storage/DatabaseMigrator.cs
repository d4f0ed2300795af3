using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewBot.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded from <c>Storage/Migrations</c>, each in its own immediate
/// transaction together with the <c>PRAGMA user_version</c> bump, so a failure leaves the previous version.
/// </summary>
public sealed partial class DatabaseMigrator
{
    private readonly SqliteConnectionFactory factory;
    private readonly ILogger<DatabaseMigrator> logger;

    public DatabaseMigrator(SqliteConnectionFactory factory, ILogger<DatabaseMigrator>? logger = null)
        : this(factory, EmbeddedMigrations(), logger)
    {
    }

    /// <summary>For tests: run a given list of migrations instead of the embedded ones.</summary>
    public DatabaseMigrator(SqliteConnectionFactory factory, IReadOnlyList<Migration> migrations, ILogger<DatabaseMigrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(migrations);
        this.factory = factory;
        this.logger = logger ?? NullLogger<DatabaseMigrator>.Instance;
        Migrations = [.. migrations.OrderBy(m => m.Version)];
        for (var i = 0; i < Migrations.Count; i++)
        {
            if (Migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migrations must be numbered 1, 2, 3, ... without gaps; found {Migrations[i].Version} at position {i + 1}");
            }
        }
    }

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The schema version this build writes.</summary>
    public int LatestVersion => Migrations.Count;

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the version it found.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        using var connection = factory.Open();
        var found = ReadVersion(connection);
        if (found > LatestVersion)
        {
            throw new DatabaseNewerThanCodeException(factory.DatabasePath, found, LatestVersion);
        }

        var current = found;
        foreach (var migration in Migrations.Where(m => m.Version > found))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                connection.Execute(migration.Sql, transaction: transaction);
                // user_version lives in the file header page, so it commits or rolls back with the script.
                connection.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version};"), transaction: transaction);
                transaction.Commit();
            }
            catch (SqliteException e)
            {
                throw new MigrationFailedException(factory.DatabasePath, migration, current, e);
            }

            current = migration.Version;
            LogApplied(migration.Version, migration.Name);
        }

        if (current != found)
        {
            LogMigrated(found, current);
        }

        return Task.FromResult(found);
    }

    public static int ReadVersion(SqliteConnection connection) => connection.ExecuteScalar<int>("PRAGMA user_version;");

    /// <summary>Reads <c>NNNN_name.sql</c> resources from this assembly.</summary>
    public static IReadOnlyList<Migration> EmbeddedMigrations()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded migration {resource} cannot be read");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"\.Storage\.Migrations\._?(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated from schema version {From} to {To}")]
    private partial void LogMigrated(int from, int to);
}
