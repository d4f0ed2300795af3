using Dapper;
using InterviewBot.Storage;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Tests.Storage;

/// <summary>
/// Group commit in <see cref="SqliteWriter"/>. Each test holds the first write of a transaction open (its work awaits
/// a gate) while the other writes queue behind it, so on release they all run in that one transaction. Those tests give
/// the writer the fixture's fake clock, which does not move, so the batch's time bound never closes the batch early.
/// </summary>
public sealed class SqliteWriterGroupCommitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WriteAsync_OneWriteInABatchThrows_OnlyItsOwnWorkIsRolledBackAndOnlyItsCallerFails()
    {
        using var db = await StorageFixture.CreateAsync();
        using var writer = new SqliteWriter(db.Factory, db.Time);
        var (first, release) = StartHeldWrite(writer, (c, t) => InsertGuildAsync(c, t, 1));
        await first.Started;

        var second = writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 2), CancellationToken.None);
        var duplicate = writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 2), CancellationToken.None);
        var halfWay = writer.WriteAsync(
            async (c, t) =>
            {
                await InsertGuildAsync(c, t, 4);
                throw new InvalidOperationException("handler failed after writing");
            },
            CancellationToken.None);
        // Another connection sees only committed data: nothing, if this write shares the held write's transaction.
        var last = writer.WriteAsync((c, t) => InsertAndCountCommittedAsync(db, c, t, 3), CancellationToken.None);
        release.SetResult();

        await first.Task.WaitAsync(Timeout);
        await second.WaitAsync(Timeout);
        var violation = await Assert.ThrowsAsync<SqliteException>(() => duplicate.WaitAsync(Timeout));
        Assert.True(violation.IsUniqueViolation());
        await Assert.ThrowsAsync<InvalidOperationException>(() => halfWay.WaitAsync(Timeout));
        Assert.Equal(0, await last.WaitAsync(Timeout));
        Assert.Equal([1L, 2L, 3L], StoredGuilds(db));
    }

    [Fact]
    public async Task WriteAsync_CommitOfTheBatchFails_EveryCallerInItFailsAndNothingOfItIsStored()
    {
        using var db = await StorageFixture.CreateAsync();
        using var writer = new SqliteWriter(db.Factory, db.Time);

        // A deferred foreign key is checked at COMMIT only: this batch cannot commit.
        var (first, release) = StartHeldWrite(writer, async (c, t) =>
        {
            await c.ExecuteAsync("PRAGMA defer_foreign_keys = ON", transaction: t);
            await c.ExecuteAsync("INSERT INTO answer_parts (message_id, answer_id, content, created_at) VALUES (1, 999, 'orphan', 0)", transaction: t);
            return 0;
        });
        await first.Started;
        var batchMates = Enumerable.Range(10, 5)
            .Select(g => writer.WriteAsync((c, t) => InsertGuildAsync(c, t, g), CancellationToken.None))
            .ToArray();
        release.SetResult();

        var commitFailure = await Assert.ThrowsAsync<SqliteException>(() => first.Task.WaitAsync(Timeout));
        Assert.Equal(787, commitFailure.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_FOREIGNKEY
        foreach (var write in batchMates)
        {
            Assert.Same(commitFailure, await Assert.ThrowsAsync<SqliteException>(() => write.WaitAsync(Timeout)));
        }

        Assert.Empty(StoredGuilds(db));
        using (var check = db.Factory.Open())
        {
            Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM answer_parts"));
        }

        // The writer rolled the failed transaction back and goes on.
        await writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 20), CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal([20L], StoredGuilds(db));
    }

    [Fact]
    public async Task WriteAsync_ConnectionDiesMidBatch_NoWriteOfThatBatchIsVisibleOrAcknowledgedAndTheWriterRecoversWithANewConnection()
    {
        using var db = await StorageFixture.CreateAsync();
        using var writer = new SqliteWriter(db.Factory, db.Time);
        var answers = new SqliteAnswerStore(db.Factory, writer, db.Time);
        var prompt = await db.AddPromptAsync();
        await answers.UpsertPartAsync(Part(prompt, userId: 7, messageId: 70), CancellationToken.None); // prepares its commands on the first connection
        var (first, release) = StartHeldWrite(writer, (c, t) => InsertGuildAsync(c, t, 1));
        await first.Started;
        var second = writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 2), CancellationToken.None);
        var crashing = writer.WriteAsync(
            async (c, t) =>
            {
                await InsertGuildAsync(c, t, 3);
                c.Close(); // what a crash does to the open transaction: it is gone
                return 0;
            },
            CancellationToken.None);
        var after = writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 4), CancellationToken.None);
        release.SetResult();

        await Assert.ThrowsAnyAsync<Exception>(() => first.Task.WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<Exception>(() => second.WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<Exception>(() => crashing.WaitAsync(Timeout));
        await after.WaitAsync(Timeout);
        Assert.Equal([4L], StoredGuilds(db));

        // The answer store's prepared commands belonged to the lost connection; the writer prepares them again.
        await answers.UpsertPartAsync(Part(prompt, userId: 8, messageId: 80), CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(2, (await answers.ListForPromptAsync(prompt, CancellationToken.None)).Count);
        using var check = db.Factory.Open();
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task WriteAsync_CallerCancelsWhileQueued_ItsWorkNeverRunsAndTheOthersCommit()
    {
        using var db = await StorageFixture.CreateAsync();
        using var writer = new SqliteWriter(db.Factory, db.Time);
        var (first, release) = StartHeldWrite(writer, (c, t) => InsertGuildAsync(c, t, 1));
        await first.Started;
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var cancelled = writer.WriteAsync(
            (c, t) =>
            {
                ran = true;
                return InsertGuildAsync(c, t, 2);
            },
            cancel.Token);
        var kept = writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 3), CancellationToken.None);
        await cancel.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Timeout));
        await first.Task.WaitAsync(Timeout);
        await kept.WaitAsync(Timeout);
        Assert.False(ran);
        Assert.Equal([1L, 3L], StoredGuilds(db));
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentCallersWithSomeFailures_EverySucceededWriteStoredExactlyOnceInEachCallersOrder()
    {
        using var db = await StorageFixture.CreateAsync();
        const int callers = 16;
        const int writesPerCaller = 150;

        // Each caller fires all its writes without waiting, so many queue at once; every 10th repeats the caller's
        // previous id and must fail alone. updated_at records the order the writes ran in.
        var writes = Enumerable.Range(0, callers).Select(caller => Task.Run(() => Enumerable.Range(0, writesPerCaller).Select(i =>
        {
            var id = (caller * 1000) + (i % 10 == 9 ? i - 1 : i);
            return db.Writer.WriteAsync(
                (c, t) => c.ExecuteAsync(
                    """
                    INSERT INTO guild_settings (guild_id, updated_at)
                    VALUES (@id, (SELECT coalesce(max(updated_at), 0) + 1 FROM guild_settings WHERE guild_id BETWEEN @low AND @low + 999))
                    """,
                    new { id, low = caller * 1000 },
                    t),
                CancellationToken.None);
        }).ToArray())).ToArray();

        var perCaller = await Task.WhenAll(writes).WaitAsync(Timeout);
        try
        {
            await Task.WhenAll(perCaller.SelectMany(w => w)).WaitAsync(Timeout);
        }
        catch (SqliteException)
        {
            // The repeated ids; each task is checked below.
        }

        for (var caller = 0; caller < callers; caller++)
        {
            for (var i = 0; i < writesPerCaller; i++)
            {
                var task = perCaller[caller][i];
                if (i % 10 == 9)
                {
                    Assert.True(task.IsFaulted, $"caller {caller} write {i} repeats an id and must fail");
                    Assert.True(Assert.IsType<SqliteException>(task.Exception!.InnerException).IsUniqueViolation());
                }
                else
                {
                    Assert.True(task.IsCompletedSuccessfully, $"caller {caller} write {i}: {task.Exception?.InnerException?.Message}");
                }
            }
        }

        using var check = db.Factory.Open();
        var rows = check.Query<(long GuildId, long UpdatedAt)>("SELECT guild_id, updated_at FROM guild_settings").ToList();
        Assert.Equal(callers * writesPerCaller * 9 / 10, rows.Count);
        for (var caller = 0; caller < callers; caller++)
        {
            var expectedIds = Enumerable.Range(0, writesPerCaller).Where(i => i % 10 != 9).Select(i => (long)((caller * 1000) + i)).ToList();
            var own = rows.Where(r => r.GuildId / 1000 == caller).OrderBy(r => r.UpdatedAt).ToList();
            Assert.Equal(expectedIds, own.Select(r => r.GuildId));
            Assert.Equal(Enumerable.Range(1, expectedIds.Count).Select(n => (long)n), own.Select(r => r.UpdatedAt));
        }
    }

    [Fact]
    public async Task WriteAsync_MoreWritesQueuedThanOneBatchTakes_TheBatchCommitsAtTheCountBoundAndTheRestFollow()
    {
        using var db = await StorageFixture.CreateAsync();
        using var writer = new SqliteWriter(db.Factory, db.Time);
        var (first, release) = StartHeldWrite(writer, (c, t) => InsertGuildAsync(c, t, 0));
        await first.Started;
        var queued = Enumerable.Range(1, SqliteWriter.MaxBatchWrites + 20)
            .Select(g => writer.WriteAsync((c, t) => InsertAndCountCommittedAsync(db, c, t, g), CancellationToken.None))
            .ToArray();
        release.SetResult();

        var committedBefore = await Task.WhenAll(queued).WaitAsync(Timeout);
        Assert.All(committedBefore[..(SqliteWriter.MaxBatchWrites - 1)], seen => Assert.Equal(0, seen));
        Assert.All(committedBefore[(SqliteWriter.MaxBatchWrites - 1)..], seen => Assert.Equal(SqliteWriter.MaxBatchWrites, seen));
        Assert.Equal(SqliteWriter.MaxBatchWrites + 21, StoredGuilds(db).Count);
    }

    [Fact]
    public async Task WriteAsync_BatchOpenLongerThanItsTimeBound_TakesNoMoreWrites()
    {
        using var db = await StorageFixture.CreateAsync();
        using var writer = new SqliteWriter(db.Factory, db.Time);
        var (first, release) = StartHeldWrite(writer, (c, t) => InsertGuildAsync(c, t, 1));
        await first.Started;
        var second = writer.WriteAsync((c, t) => InsertAndCountCommittedAsync(db, c, t, 2), CancellationToken.None);
        db.Time.Advance(SqliteWriter.MaxBatchDuration);
        release.SetResult();

        await first.Task.WaitAsync(Timeout);
        Assert.Equal(1, await second.WaitAsync(Timeout)); // its own transaction, after the first one committed
        Assert.Equal([1L, 2L], StoredGuilds(db));
    }

    [Fact]
    public async Task WriteAsync_LoneWrite_CommitsAloneWithoutWaitingForCompany()
    {
        using var db = await StorageFixture.CreateAsync();

        // The fake clock never moves: a writer that held a lone write open for batch-mates until a time bound would hang here.
        using var writer = new SqliteWriter(db.Factory, db.Time);
        Assert.Equal(1, await writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 5), CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal([5L], StoredGuilds(db));
        Assert.Equal(1, await writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 6), CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal([5L, 6L], StoredGuilds(db));
    }

    [Fact]
    public async Task Dispose_WhileABatchRuns_WaitsForItThenFailsQueuedAndLaterWritesAsDisposed()
    {
        using var db = await StorageFixture.CreateAsync();
        var writer = new SqliteWriter(db.Factory, db.Time);
        var (first, release) = StartHeldWrite(writer, (c, t) => InsertGuildAsync(c, t, 1));
        await first.Started;
        var queued = writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 2), CancellationToken.None);

        // Dispose blocks until the running batch is done; the batch is released from the pool meanwhile.
        var dispose = Task.Run(writer.Dispose);
        _ = Task.Run(release.SetResult);
        await dispose.WaitAsync(Timeout);

        // The running write committed; the queued one either made it into that batch or was refused, never half-done.
        Assert.Equal(1, await first.Task.WaitAsync(Timeout));
        var queuedStored = StoredGuilds(db).Contains(2);
        if (queuedStored)
        {
            Assert.Equal(1, await queued.WaitAsync(Timeout));
        }
        else
        {
            await Assert.ThrowsAsync<ObjectDisposedException>(() => queued.WaitAsync(Timeout));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync((c, t) => InsertGuildAsync(c, t, 3), CancellationToken.None));
        Assert.DoesNotContain(3L, StoredGuilds(db));
        Assert.Contains(1L, StoredGuilds(db));
    }

    private static AnswerPartWrite Part(long promptId, ulong userId, ulong messageId) => new()
    {
        PromptId = promptId,
        GuildId = 1,
        UserId = userId,
        MessageId = messageId,
        Content = $"answer from {userId}",
        WrittenAt = StorageFixture.Start,
    };

    private static Task<int> InsertGuildAsync(SqliteConnection connection, SqliteTransaction transaction, long guildId) =>
        connection.ExecuteAsync("INSERT INTO guild_settings (guild_id, updated_at) VALUES (@guildId, 0)", new { guildId }, transaction);

    /// <summary>Inserts a row, then counts rows committed so far as another connection sees them.</summary>
    private static async Task<long> InsertAndCountCommittedAsync(StorageFixture db, SqliteConnection connection, SqliteTransaction transaction, long guildId)
    {
        await InsertGuildAsync(connection, transaction, guildId);
        using var reader = db.Factory.Open();
        return await reader.ExecuteScalarAsync<long>("SELECT count(*) FROM guild_settings");
    }

    private static List<long> StoredGuilds(StorageFixture db)
    {
        using var connection = db.Factory.Open();
        return connection.Query<long>("SELECT guild_id FROM guild_settings ORDER BY guild_id").AsList();
    }

    /// <summary>Starts a write whose work runs <paramref name="work"/> and then waits, keeping its transaction open, until released.</summary>
    private static (HeldWrite Write, TaskCompletionSource Release) StartHeldWrite(SqliteWriter writer, Func<SqliteConnection, SqliteTransaction, Task<int>> work)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = writer.WriteAsync(
            async (c, t) =>
            {
                var result = await work(c, t);
                started.SetResult();
                await release.Task;
                return result;
            },
            CancellationToken.None);
        return (new HeldWrite(task, started.Task), release);
    }

    private sealed record HeldWrite(Task<int> Task, Task Started);
}
