using InterviewBot.Features.Interactions;
using InterviewBot.Features.Practice.Discord;
using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewBot.Features.Interview;

public static class InterviewServiceCollectionExtensions
{
    /// <summary>/interview, its buttons and deadlines, and the recall (spaced-repetition) buttons shared with /practice and reveals.</summary>
    public static IServiceCollection AddInterviewFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<IInterviewProgressStore, SqliteInterviewProgressStore>();
        services.TryAddSingleton<IRepetitionReviewStore, SqliteRepetitionReviewStore>();
        services.TryAddSingleton<RecallRecorder>();
        services.AddSingleton<InterviewDeadlineScheduler>();
        services.AddSingleton<InterviewService>();
        services.AddSingleton<ICommandHandler, InterviewCommand>();
        services.AddSingleton<IComponentHandler, InterviewButtons>();
        services.AddSingleton<IComponentHandler, RecallButtons>();
        services.AddHostedService<InterviewResumeService>();
        return services;
    }
}
