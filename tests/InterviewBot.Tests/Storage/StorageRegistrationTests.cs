using Dapper;
using InterviewBot.Storage;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InterviewBot.Tests.Storage;

public sealed class StorageRegistrationTests
{
    [Fact]
    public async Task AddInterviewBotStorage_HostStart_MigratesFirstAndResolvesEveryStore()
    {
        using var temp = new TempDirectory();
        var path = temp.File("data/interviewbot.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddInterviewBotStorage(path);
        builder.Services.AddSingleton<SchemaProbe>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SchemaProbe>());

        using (var host = builder.Build())
        {
            await host.StartAsync();
            Assert.Equal(new DatabaseMigrator(host.Services.GetRequiredService<SqliteConnectionFactory>()).LatestVersion, host.Services.GetRequiredService<SchemaProbe>().VersionSeenAtStart);

            foreach (var store in new[]
            {
                typeof(IGuildSettingsStore), typeof(IDailyScheduleStore), typeof(IPromptStore), typeof(IDailyPostStore), typeof(IAnswerStore),
                typeof(IReviewStore), typeof(IInterviewSessionStore), typeof(ISpacedRepetitionStore), typeof(IGuildQuestionStore),
                typeof(ISuggestionStore), typeof(IThreadCheckpointStore), typeof(IQuestionUsageStore), typeof(IStatsStore),
                typeof(IMemberDataStore), typeof(IRetentionStore),
            })
            {
                Assert.NotNull(host.Services.GetRequiredService(store));
            }

            var settings = host.Services.GetRequiredService<IGuildSettingsStore>();
            await settings.UpdateAsync(1, s => s with { BlindMode = true }, CancellationToken.None);
            Assert.True((await settings.GetAsync(1, CancellationToken.None)).BlindMode);
            await host.StopAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task AddInterviewBotStorage_DatabaseNewerThanCode_HostStartThrowsTheStorageException()
    {
        using var temp = new TempDirectory();
        var path = temp.File("interviewbot.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("PRAGMA user_version = 999;");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddInterviewBotStorage(path);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<DatabaseNewerThanCodeException>(() => host.StartAsync());

        Assert.Equal(999, e.DatabaseVersion);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A hosted service registered after storage: it must find the schema current when it starts.</summary>
    private sealed class SchemaProbe(SqliteConnectionFactory factory) : IHostedService
    {
        public int VersionSeenAtStart { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            using var connection = factory.Open();
            VersionSeenAtStart = DatabaseMigrator.ReadVersion(connection);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
