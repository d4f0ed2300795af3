using InterviewBot.Core.Practice;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewBot.Features.Practice.Discord;

public static class PracticeCommandServiceCollectionExtensions
{
    /// <summary>/practice next|due, its Answer modal and the recall buttons' recorder.</summary>
    public static IServiceCollection AddPracticeDiscordFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<IRepetitionReviewStore, SqliteRepetitionReviewStore>();
        services.TryAddSingleton<RecallRecorder>();
        services.TryAddSingleton<PracticePlanner>();
        services.AddSingleton<PracticeCommandSession>();
        services.AddSingleton<ICommandHandler, PracticeCommand>();
        services.AddSingleton<IComponentHandler, PracticeCommandButtons>();
        return services;
    }
}
