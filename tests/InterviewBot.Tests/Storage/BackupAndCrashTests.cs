using System.Globalization;
using Dapper;
using InterviewBot.Storage;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Tests.Storage;

public sealed class BackupAndCrashTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static void AssertConsistent(string path, int? expectedAnswers = null)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        connection.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));

        // Every answer is written with its part in one transaction, so a torn copy would show a mismatch.
        var answers = connection.ExecuteScalar<int>("SELECT count(*) FROM answers");
        Assert.Equal(answers, connection.ExecuteScalar<int>("SELECT count(DISTINCT answer_id) FROM answer_parts"));
        if (expectedAnswers is { } expected)
        {
            Assert.Equal(expected, answers);
        }
    }

    [Fact]
    public async Task Backup_DuringConcurrentWrites_RestoresToAConsistentMigratedCopy()
    {
        using var db = await StorageFixture.CreateAsync();
        var answers = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var promptId = await db.AddPromptAsync();
        var written = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var n = (t * 1_000_000) + i;
                await answers.UpsertPartAsync(
                    new AnswerPartWrite { PromptId = promptId, GuildId = 1, UserId = (ulong)(n + 1), MessageId = (ulong)(n + 10), Content = $"answer {n}", WrittenAt = StorageFixture.Start },
                    None);
                Interlocked.Increment(ref written);
            }
        })).ToArray();

        var copies = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            while (Volatile.Read(ref written) < (round + 1) * 100)
            {
                if (writers.FirstOrDefault(w => w.IsCompleted) is { } stopped)
                {
                    await stopped; // a writer failed: surface its exception instead of waiting forever
                }

                await Task.Delay(1);
            }

            var copy = db.Directory.File($"backups/copy-{round}.db");
            await DatabaseBackup.BackupAsync(db.DatabasePath, copy, None);
            copies.Add(copy);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        foreach (var copy in copies)
        {
            Assert.False(File.Exists(copy + "-wal"));
            AssertConsistent(copy);
        }

        // Restore: the copy becomes the data directory's database, and the bot's own code opens and migrates it.
        using var restoredDirectory = new TempDirectory();
        var restored = restoredDirectory.File("interviewbot.db");
        File.Copy(copies[^1], restored);
        var factory = new SqliteConnectionFactory(restored);
        var migrator = new DatabaseMigrator(factory);
        Assert.Equal(migrator.LatestVersion, await migrator.MigrateAsync(None));
        using var writer = new SqliteWriter(factory);
        var restoredAnswers = await new SqliteAnswerStore(factory, writer, db.Time).ListForPromptAsync(promptId, None);
        Assert.True(restoredAnswers.Count >= 300);
        Assert.All(restoredAnswers, a => Assert.StartsWith("answer ", a.Content, StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Backup_ToExistingFileOrFromMissingDatabase_FailsWithOneLine()
    {
        using var db = await StorageFixture.CreateAsync();
        var existing = db.Directory.File("existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var exists = await Assert.ThrowsAsync<BackupFailedException>(() => DatabaseBackup.BackupAsync(db.DatabasePath, existing, None));
        var missing = await Assert.ThrowsAsync<BackupFailedException>(() => DatabaseBackup.BackupAsync(db.Directory.File("none.db"), db.Directory.File("x.db"), None));

        Assert.Contains("already exists", exists.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Contains("no database at", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exists.Message + missing.Message);
    }

    [Fact]
    public void Backup_DefaultPath_IsUnderBackupsWithUtcTimestamp()
    {
        var path = DatabaseBackup.DefaultPath("/data", new DateTimeOffset(2026, 3, 29, 1, 30, 5, TimeSpan.FromHours(2)));

        Assert.Equal(Path.Combine("/data", "backups", "interviewbot-20260328-233005.db"), path);
    }

    [Fact]
    public async Task BackupVerb_RealExecutable_WritesVerifiedCopyAndPrintsItsPath()
    {
        using var temp = new TempDirectory();
        var data = temp.File("data");
        using (var db = new StoreSet(Path.Combine(data, "interviewbot.db")))
        {
            await db.SeedAsync(25);
        }

        var result = await BotProcess.RunAsync(["backup"], new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = data });

        Assert.Equal(0, result.ExitCode);
        var printed = Assert.Single(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.StartsWith(Path.Combine(data, "backups", "interviewbot-"), printed, StringComparison.Ordinal);
        Assert.EndsWith(".db", printed, StringComparison.Ordinal);
        AssertConsistent(printed, expectedAnswers: 25);

        var explicitCopy = temp.File("elsewhere/copy.db");
        var second = await BotProcess.RunAsync(["backup", "--to", explicitCopy], new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = data });
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(explicitCopy, second.StandardOutput.Trim());
        AssertConsistent(explicitCopy, expectedAnswers: 25);

        var again = await BotProcess.RunAsync(["backup", "--to", explicitCopy], new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = data });
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", Assert.Single(again.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupVerb_NoDatabase_ExitsWithCode2AndNamesTheSetting()
    {
        using var temp = new TempDirectory();

        var result = await BotProcess.RunAsync(["backup"], new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = temp.File("empty") });

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("InterviewBot__DataDirectory", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public Task WriteAnswers_KilledWithSigkillMidStream_KeepsEveryPrintedAnswerAndIntegrity() => KillWhileWritingAnswersAsync(writers: 1);

    /// <summary>
    /// Sixteen writers keep the single writer's queue full, so commits are batches of many answers (group commit) when
    /// the process dies: every answer printed (acknowledged) must be there, and no answer may be there without its part.
    /// </summary>
    [Fact]
    public Task WriteAnswers_ConcurrentWritersKilledWithSigkillMidBatch_KeepsEveryAcknowledgedAnswerAndNoHalfWrittenOne() => KillWhileWritingAnswersAsync(writers: 16);

    private static async Task KillWhileWritingAnswersAsync(int writers)
    {
        using var temp = new TempDirectory();
        var path = temp.File("interviewbot.db");
        using var process = BotProcess.Start(["dev", "write-answers", "--db", path, "--count", "1000000", "--writers", writers.ToString(CultureInfo.InvariantCulture)]);
        process.StandardInput.Close();
        var printed = new List<long>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (printed.Count < 300)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"write-answers stopped early: {await process.StandardError.ReadToEndAsync()}");
            printed.Add(long.Parse(line, CultureInfo.InvariantCulture));
        }

        process.Kill(); // SIGKILL on Unix: no shutdown code runs, the writer may be mid-transaction.
        await process.WaitForExitAsync();

        // Lines still in the pipe were printed too: their writes had returned before the kill.
        var rest = await process.StandardOutput.ReadToEndAsync();
        printed.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, CultureInfo.InvariantCulture)));
        Assert.True(printed.Count < 1_000_000, "the process must be killed mid-stream");

        AssertConsistent(path);
        var factory = new SqliteConnectionFactory(path);
        using (var connection = factory.Open())
        {
            var stored = connection.Query<long>("SELECT answer_id FROM answers a WHERE EXISTS (SELECT 1 FROM answer_parts p WHERE p.answer_id = a.answer_id)").ToHashSet();
            Assert.All(printed, id => Assert.Contains(id, stored));
            Assert.True(stored.Count >= printed.Count);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>A small database made with the real stores, for the executable to back up.</summary>
    private sealed class StoreSet : IDisposable
    {
        private readonly SqliteConnectionFactory factory;
        private readonly SqliteWriter writer;

        public StoreSet(string path)
        {
            factory = new SqliteConnectionFactory(path);
            writer = new SqliteWriter(factory);
        }

        public async Task SeedAsync(int answerCount)
        {
            await new DatabaseMigrator(factory).MigrateAsync(None);
            var prompt = await new SqlitePromptStore(factory, writer).TryCreateAsync(
                new Prompt { GuildId = 1, ChannelId = 2, MessageId = 3, QuestionId = "q", Source = PromptSource.Ask, PostedAt = StorageFixture.Start }, None);
            var answers = new SqliteAnswerStore(factory, writer, TimeProvider.System);
            for (var i = 0; i < answerCount; i++)
            {
                await answers.UpsertPartAsync(
                    new AnswerPartWrite { PromptId = prompt!.PromptId, GuildId = 1, UserId = (ulong)(i + 1), MessageId = (ulong)(100 + i), Content = $"a{i}", WrittenAt = StorageFixture.Start },
                    None);
            }
        }

        public void Dispose()
        {
            writer.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }
}
