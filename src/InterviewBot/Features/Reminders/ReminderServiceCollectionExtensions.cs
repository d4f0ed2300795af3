using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewBot.Features.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>Opt-in practice reminders: the settings part of /settings, the service and its quarter-hourly Quartz job.</summary>
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<IReminderDeliveryStore, SqliteReminderDeliveryStore>();
        services.AddSingleton<ReminderSettings>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService<ReminderScheduleService>();
        return services;
    }
}
