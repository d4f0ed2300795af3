using System.Diagnostics;
using InterviewBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// The ingestion ceilings: the same two statements the answer store runs per message (upsert the member's answer,
/// insert the part), on a database migrated by the bot's own migrator and opened by its connection factory (WAL,
/// synchronous=NORMAL, foreign keys, busy_timeout), with prepared commands on one connection and nothing else: no
/// gateway, no JSON, no Dapper, no queueing. With <c>messagesPerTransaction</c> 1 it is one immediate transaction per
/// message, as the bot committed them before group commit (the ceiling issue 12 compares against); with more, the
/// messages are committed in plain transactions of that many (no savepoints): the best any batching writer could do.
/// </summary>
public static class RawSqliteCeiling
{
    /// <summary>Messages per second, and this process's CPU time per message in microseconds (the loop is all it runs then).</summary>
    public sealed record Result(double Rate, double CpuPerMessage);

    public static async Task<Result> MeasureAsync(string directory, int count, int members, int contentLength, int messagesPerTransaction = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerTransaction, 1);
        var path = Path.Combine(directory, messagesPerTransaction == 1 ? "raw.db" : $"raw-batched-{messagesPerTransaction}.db");
        var services = new ServiceCollection().AddLogging().AddInterviewBotStorage(path);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var prompt = await provider.GetRequiredService<IPromptStore>().TryCreateAsync(
            new Prompt { GuildId = 1, ChannelId = 2, MessageId = 3, QuestionId = "bench/raw", Source = PromptSource.Ask, PostedAt = DateTimeOffset.UnixEpoch },
            CancellationToken.None) ?? throw new InvalidOperationException("could not create the prompt");

        using var connection = provider.GetRequiredService<SqliteConnectionFactory>().Open();
        using var upsertAnswer = connection.CreateCommand();
        upsertAnswer.CommandText = SqliteAnswerStore.UpsertAnswerSql;
        var promptParameter = upsertAnswer.Parameters.Add("$prompt_id", SqliteType.Integer);
        upsertAnswer.Parameters.AddWithValue("$guild_id", 1L);
        var userParameter = upsertAnswer.Parameters.Add("$user_id", SqliteType.Integer);
        upsertAnswer.Parameters.AddWithValue("$is_private", 0L);
        upsertAnswer.Parameters.AddWithValue("$is_late", 0L);
        var atParameter = upsertAnswer.Parameters.Add("$written_at", SqliteType.Integer);
        var nowParameter = upsertAnswer.Parameters.Add("$now", SqliteType.Integer);
        using var insertPart = connection.CreateCommand();
        insertPart.CommandText = SqliteAnswerStore.UpsertPartSql;
        var messageParameter = insertPart.Parameters.Add("$message_id", SqliteType.Integer);
        var answerParameter = insertPart.Parameters.Add("$answer_id", SqliteType.Integer);
        var contentParameter = insertPart.Parameters.Add("$content", SqliteType.Text);
        var partAtParameter = insertPart.Parameters.Add("$written_at", SqliteType.Integer);
        promptParameter.Value = prompt.PromptId;
        var content = GeneratedBank.Answer(7, contentLength);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += messagesPerTransaction)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            upsertAnswer.Transaction = transaction;
            insertPart.Transaction = transaction;
            for (var i = start; i < Math.Min(count, start + messagesPerTransaction); i++)
            {
                userParameter.Value = 1000 + (i % members);
                atParameter.Value = 1_700_000_000_000L + i;
                nowParameter.Value = 1_700_000_000_000L + i;
                var answerId = (long)upsertAnswer.ExecuteScalar()!;
                messageParameter.Value = 10_000_000L + i;
                answerParameter.Value = answerId;
                contentParameter.Value = content;
                partAtParameter.Value = 1_700_000_000_000L + i;
                insertPart.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Result(count / elapsed.TotalSeconds, cpu.TotalMicroseconds / count);
    }

    /// <summary>
    /// The bot's own storage path without the gateway: <paramref name="callers"/> tasks, each storing its share of the
    /// messages one after another through <see cref="IAnswerStore.UpsertPartAsync"/> (as the message workers do), so the
    /// single writer groups whatever is queued into one transaction. Same database settings and row shape as above.
    /// </summary>
    public static async Task<Result> MeasureAnswerStoreAsync(string directory, int count, int members, int contentLength, int callers)
    {
        var path = Path.Combine(directory, $"store-{callers}.db");
        var services = new ServiceCollection().AddLogging().AddInterviewBotStorage(path);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var prompt = await provider.GetRequiredService<IPromptStore>().TryCreateAsync(
            new Prompt { GuildId = 1, ChannelId = 2, MessageId = 3, QuestionId = "bench/store", Source = PromptSource.Ask, PostedAt = DateTimeOffset.UnixEpoch },
            CancellationToken.None) ?? throw new InvalidOperationException("could not create the prompt");
        var answers = provider.GetRequiredService<IAnswerStore>();
        var content = GeneratedBank.Answer(7, contentLength);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var i = c; i < count; i += callers)
            {
                await answers.UpsertPartAsync(
                    new AnswerPartWrite
                    {
                        PromptId = prompt.PromptId,
                        GuildId = 1,
                        UserId = (ulong)(1000 + (i % members)),
                        MessageId = (ulong)(10_000_000L + i),
                        Content = content,
                        WrittenAt = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000L + i),
                    },
                    CancellationToken.None);
            }
        })));
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Result(count / elapsed.TotalSeconds, cpu.TotalMicroseconds / count);
    }
}
