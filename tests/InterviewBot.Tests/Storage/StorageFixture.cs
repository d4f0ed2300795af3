using InterviewBot.Storage;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Tests.Storage;

/// <summary>A migrated database file in a fresh temp directory, with the writer and a controlled clock.</summary>
public sealed class StorageFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    private StorageFixture()
    {
        DatabasePath = directory.File("interviewbot.db");
        Factory = new SqliteConnectionFactory(DatabasePath);
        Writer = new SqliteWriter(Factory);
    }

    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public string DatabasePath { get; }

    public SqliteConnectionFactory Factory { get; }

    public SqliteWriter Writer { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public TempDirectory Directory => directory;

    public static async Task<StorageFixture> CreateAsync()
    {
        var fixture = new StorageFixture();
        await new DatabaseMigrator(fixture.Factory).MigrateAsync(CancellationToken.None);
        return fixture;
    }

    /// <summary>An unmigrated database.</summary>
    public static StorageFixture CreateEmpty() => new();

    public async Task<long> AddPromptAsync(ulong guildId = 1, ulong messageId = 0, PromptSource source = PromptSource.Ask)
    {
        var store = new SqlitePromptStore(Factory, Writer);
        var prompt = await store.TryCreateAsync(
            new Prompt
            {
                GuildId = guildId,
                ChannelId = 10,
                MessageId = messageId == 0 ? (ulong)Random.Shared.NextInt64(1, long.MaxValue) : messageId,
                QuestionId = "caching-basics",
                Source = source,
                AskedBy = source == PromptSource.Daily ? null : 42,
                PostedAt = Time.GetUtcNow(),
            },
            CancellationToken.None);
        return Assert.IsType<Prompt>(prompt).PromptId;
    }

    public void Dispose()
    {
        Writer.Dispose();
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
