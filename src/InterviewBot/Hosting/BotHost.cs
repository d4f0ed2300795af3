using InterviewBot.Configuration;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord;
using InterviewBot.Features;
using InterviewBot.Health;
using Quartz;
using InterviewBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Hosting;

/// <summary>The composition root of the running bot: configuration, logging, options and every feature.</summary>
public static class BotHost
{
    /// <summary>Discord client settings: Token, ApiBaseUrl, GatewayUrlOverride, Intents, ShardCount.</summary>
    public const string DiscordSectionName = "InterviewBot:Discord";

    /// <summary>Quartz jobs run at once, and due triggers acquired per round (<c>InterviewBot:Scheduler:Threads</c>).</summary>
    public const int DefaultSchedulerThreads = 10;

    /// <summary>Builds the host after the start-up checks; throws <see cref="StartupException"/> on anything the operator must fix.</summary>
    public static IHost Build(string[] args) => Build(args, configureServices: null);

    /// <summary>As <see cref="Build(string[])"/>; <paramref name="configureServices"/> runs last (tests swap the clock).</summary>
    public static IHost Build(string[] args, Action<IServiceCollection>? configureServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // appsettings.json and the question bank are copied beside the executable; find them from any working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddPlainTokenVariable(builder.Configuration);

        ConfigureLogging(builder);

        var options = builder.Configuration.GetSection(InterviewBotOptions.SectionName).Get<InterviewBotOptions>() ?? new InterviewBotOptions();
        StartupChecks.RequireToken(builder.Configuration);
        StartupChecks.RequireWritableDataDirectory(options);
        var bank = StartupChecks.RequireValidBank(StartupChecks.RequireQuestionsDirectory(options));

        builder.Services.AddSingleton(TimeProvider.System);

        // Registered first: hosted services start in order, so the schema is current before anything else runs.
        builder.Services.AddInterviewBotStorage(ResolvedPaths.DatabasePath(options));
        builder.Services.AddSingleton(bank);
        builder.Services.AddSingleton<KeyPointScorer>();
        builder.Services.AddSingleton<IValidateOptions<InterviewBotOptions>, InterviewBotOptionsValidator>();
        builder.Services.AddOptions<InterviewBotOptions>()
            .Bind(builder.Configuration.GetSection(InterviewBotOptions.SectionName))
            .ValidateOnStart();

        builder.Services.AddDiscordClient(discord => builder.Configuration.GetSection(DiscordSectionName).Bind(discord));
        builder.Services.AddHostedService(_ => new SchedulerDatabaseSetup(ResolvedPaths.SchedulerDatabasePath(options)));
        var schedulerThreads = Math.Max(1, builder.Configuration.GetValue<int?>("InterviewBot:Scheduler:Threads") ?? DefaultSchedulerThreads);
        builder.Services.AddQuartz(quartz =>
        {
            // Thousands of daily triggers can share one minute, and each fire only queues a post (DailyQuestionJob), so
            // Quartz's own bookkeeping is the cost: batches as large as the pool let one acquisition round and one
            // firing transaction take many due triggers at once. A wider pool (32) measured slower in the daily
            // fan-out: each job's completion is a synchronous SQLite transaction, so more concurrent jobs only tie up
            // more thread-pool threads waiting for the store's lock.
            quartz.UseDefaultThreadPool(schedulerThreads);
            quartz.ConfigureScheduler(scheduler => scheduler.MaxBatchSize = schedulerThreads);
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={ResolvedPaths.SchedulerDatabasePath(options)}");
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                // A trigger Quartz reaches late because of a burst is not a missed one. Daily triggers carry their own
                // threshold (the schedule's grace window, DailyScheduler.MisfireThreshold); this covers the rest.
                store.ConfigureStore(ado => ado.MisfireThreshold = TimeSpan.FromMinutes(5));
            });
        });
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        builder.Services.AddInterviewBotFeatures();

        builder.Services.AddMetrics();
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddHealthChecks()
            .AddCheck<GatewayHealthCheck>("gateway")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<HealthEndpointService>();

        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            // Structured logs for operators; scopes carry guild, channel and prompt ids.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
    }
}
