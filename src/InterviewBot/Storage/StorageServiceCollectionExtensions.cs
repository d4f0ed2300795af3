using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite database at <paramref name="databasePath"/>: connection factory, the single writer,
    /// the migrator, every store (as its interface, singletons), and <see cref="MigrationService"/> as a hosted
    /// service. Hosted services start in registration order, so call this before registering the gateway or
    /// Quartz: the schema is current before anything else runs.
    /// </summary>
    public static IServiceCollection AddInterviewBotStorage(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SqliteConnectionFactory(databasePath));
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton(sp => new DatabaseMigrator(sp.GetRequiredService<SqliteConnectionFactory>(), sp.GetService<ILogger<DatabaseMigrator>>()));

        services.AddSingleton<IGuildSettingsStore, SqliteGuildSettingsStore>();
        services.AddSingleton<IDailyScheduleStore, SqliteDailyScheduleStore>();
        services.AddSingleton<IPromptStore, SqlitePromptStore>();
        services.AddSingleton<IDailyPostStore, SqliteDailyPostStore>();
        services.AddSingleton<IAnswerStore, SqliteAnswerStore>();
        services.AddSingleton<IReviewStore, SqliteReviewStore>();
        services.AddSingleton<IInterviewSessionStore, SqliteInterviewSessionStore>();
        services.AddSingleton<ISpacedRepetitionStore, SqliteSpacedRepetitionStore>();
        services.AddSingleton<IGuildQuestionStore, SqliteGuildQuestionStore>();
        services.AddSingleton<ISuggestionStore, SqliteSuggestionStore>();
        services.AddSingleton<IThreadCheckpointStore, SqliteThreadCheckpointStore>();
        services.AddSingleton<IQuestionUsageStore, SqliteQuestionUsageStore>();
        services.AddSingleton<IStatsStore, SqliteStatsStore>();
        services.AddSingleton<IMemberDataStore, SqliteMemberDataStore>();
        services.AddSingleton<IRetentionStore, SqliteRetentionStore>();
        services.AddSingleton<IMemberSettingsStore, SqliteMemberSettingsStore>();
        services.AddSingleton<IStreakRestoreStore, SqliteStreakRestoreStore>();
        services.AddSingleton<IReviewActivityStore, SqliteReviewActivityStore>();
        services.AddSingleton<IMemberErasureStore, SqliteMemberErasureStore>();

        services.AddHostedService<MigrationService>();
        return services;
    }
}
