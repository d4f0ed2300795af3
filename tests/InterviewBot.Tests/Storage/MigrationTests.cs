using Dapper;
using InterviewBot.Storage;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public void EmbeddedMigrations_AreNumberedFromOneWithoutGaps()
    {
        var migrations = DatabaseMigrator.EmbeddedMigrations();

        Assert.True(migrations.Count >= 2);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations, m => Assert.Contains("STRICT", m.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_ReachesLatestVersionWithWalAndStrictTables()
    {
        using var db = StorageFixture.CreateEmpty();
        var migrator = new DatabaseMigrator(db.Factory);

        var found = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, found);
        using var connection = db.Factory.Open();
        Assert.Equal(migrator.LatestVersion, DatabaseMigrator.ReadVersion(connection));
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode;"));
        Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys;"));
        Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA synchronous;"));
        Assert.Equal(SqliteConnectionFactory.BusyTimeoutMilliseconds, connection.ExecuteScalar<int>("PRAGMA busy_timeout;"));
        var tables = connection.Query<(string Name, long Strict)>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").ToList();
        Assert.Contains(tables, t => t.Name == "prompts");
        Assert.Contains(tables, t => t.Name == "interview_sessions");
        Assert.All(tables, t => Assert.Equal(1, t.Strict));
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check;"));
        Assert.Empty(connection.Query("PRAGMA foreign_key_check;"));
    }

    [Fact]
    public async Task Migrate_FromEveryEarlierVersion_ReachesLatestAndKeepsData()
    {
        var all = DatabaseMigrator.EmbeddedMigrations();
        for (var start = 1; start < all.Count; start++)
        {
            using var db = StorageFixture.CreateEmpty();
            await new DatabaseMigrator(db.Factory, [.. all.Take(start)]).MigrateAsync(CancellationToken.None);
            using (var connection = db.Factory.Open())
            {
                connection.Execute("INSERT INTO guild_settings (guild_id, retention_days, updated_at) VALUES (7, 30, 0)");
            }

            var migrator = new DatabaseMigrator(db.Factory);
            var found = await migrator.MigrateAsync(CancellationToken.None);

            Assert.Equal(start, found);
            using var check = db.Factory.Open();
            Assert.Equal(all.Count, DatabaseMigrator.ReadVersion(check));
            Assert.Equal(30, check.ExecuteScalar<int>("SELECT retention_days FROM guild_settings WHERE guild_id = 7"));
        }
    }

    [Fact]
    public async Task Migrate_Version8_RemovesDuplicateUsesOfOnePost_KeepsDistinctOnes()
    {
        var all = DatabaseMigrator.EmbeddedMigrations();
        using var db = StorageFixture.CreateEmpty();
        await new DatabaseMigrator(db.Factory, [.. all.Take(7)]).MigrateAsync(CancellationToken.None);
        using (var connection = db.Factory.Open())
        {
            connection.Execute(
                """
                INSERT INTO question_usage (guild_id, schedule_id, question_id, used_at) VALUES
                    (1, NULL, 'a', 100), (1, NULL, 'a', 100), (1, NULL, 'a', 200), (2, NULL, 'a', 100), (1, NULL, 'b', 100)
                """);
        }

        await new DatabaseMigrator(db.Factory).MigrateAsync(CancellationToken.None);

        using var check = db.Factory.Open();
        Assert.Equal(4, check.ExecuteScalar<int>("SELECT count(*) FROM question_usage"));
        Assert.Equal(1, check.ExecuteScalar<int>("SELECT count(*) FROM question_usage WHERE guild_id = 1 AND question_id = 'a' AND used_at = 100"));
    }

    [Fact]
    public async Task Migrate_TwiceOnCurrentDatabase_ChangesNothing()
    {
        using var db = await StorageFixture.CreateAsync();
        var migrator = new DatabaseMigrator(db.Factory);

        var found = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(migrator.LatestVersion, found);
    }

    [Fact]
    public async Task Migrate_DatabaseNewerThanCode_RefusesWithOneLineMessage()
    {
        using var db = await StorageFixture.CreateAsync();
        var migrator = new DatabaseMigrator(db.Factory);
        using (var connection = db.Factory.Open())
        {
            connection.Execute($"PRAGMA user_version = {migrator.LatestVersion + 1};");
        }

        var e = await Assert.ThrowsAsync<DatabaseNewerThanCodeException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(db.DatabasePath, e.Message, StringComparison.Ordinal);
        Assert.Contains($"version {migrator.LatestVersion + 1}", e.Message, StringComparison.Ordinal);
        using var after = db.Factory.Open();
        Assert.Equal(migrator.LatestVersion + 1, DatabaseMigrator.ReadVersion(after));
    }

    [Fact]
    public async Task Migrate_FailingScript_RollsBackToPreviousVersion()
    {
        using var db = StorageFixture.CreateEmpty();
        var first = DatabaseMigrator.EmbeddedMigrations()[0];
        var broken = new Migration(2, "broken", "CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);");
        var migrator = new DatabaseMigrator(db.Factory, [first, broken]);

        var e = await Assert.ThrowsAsync<MigrationFailedException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(1, e.VersionKept);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("0002_broken", e.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", e.Message, StringComparison.Ordinal);
        using var connection = db.Factory.Open();
        Assert.Equal(1, DatabaseMigrator.ReadVersion(connection));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM sqlite_schema WHERE name = 'prompts'"));
    }

    [Fact]
    public async Task MigrationService_StartAsync_MigratesBeforeReturning()
    {
        using var db = StorageFixture.CreateEmpty();
        var migrator = new DatabaseMigrator(db.Factory);

        await new MigrationService(migrator).StartAsync(CancellationToken.None);

        using var connection = db.Factory.Open();
        Assert.Equal(migrator.LatestVersion, DatabaseMigrator.ReadVersion(connection));
    }

    [Fact]
    public async Task Schema_SnowflakesAndTimestamps_AreIntegerColumns()
    {
        // STRICT tables reject a TEXT snowflake, so a store that forgot the type handler fails loudly.
        using var db = await StorageFixture.CreateAsync();
        using var connection = db.Factory.Open();

        var e = Assert.Throws<SqliteException>(() => connection.Execute(
            "INSERT INTO guild_settings (guild_id, updated_at) VALUES (1, 'yesterday')"));

        Assert.Contains("cannot store TEXT value in INTEGER column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FileIsNotADatabase_FailsWithOneLineNamingTheFile()
    {
        using var db = StorageFixture.CreateEmpty();
        await File.WriteAllTextAsync(db.DatabasePath, new string('x', 4096));
        var migrator = new DatabaseMigrator(db.Factory);

        var e = await Assert.ThrowsAsync<MigrationFailedException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(db.DatabasePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("backup", e.Message, StringComparison.Ordinal);
    }
}
