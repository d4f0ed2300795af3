using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Daily;

public static class DailyServiceCollectionExtensions
{
    /// <summary>/daily, the Quartz triggers and job, the exactly-once poster, the paced queue and start-up catch-up.</summary>
    public static IServiceCollection AddDailyFeature(this IServiceCollection services)
    {
        services.AddOptions<DailyOptions>().BindConfiguration(DailyOptions.SectionName);
        services.AddSingleton<DailyPostPacer>();
        services.AddSingleton<DailyScheduler>();
        services.AddSingleton<DailyPoster>();
        services.AddSingleton<ChannelPermissionCheck>();
        services.AddSingleton<DailyPostWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyPostWorker>());
        services.AddSingleton<DailyStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyStartup>());
        services.AddTransient<DailyQuestionJob>();
        services.AddSingleton<ICommandHandler, DailyCommand>();
        return services;
    }
}
