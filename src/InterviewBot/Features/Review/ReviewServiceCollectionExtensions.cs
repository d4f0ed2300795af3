using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Peer review: the picker under reveals, the rubric modal, helpful votes, <c>/review next</c> and <c>/settings</c>.</summary>
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddSingleton<ReviewService>();
        services.AddSingleton<IComponentHandler, ReviewComponents>();
        services.AddSingleton<ICommandHandler, ReviewCommand>();
        services.AddSingleton<ICommandHandler, SettingsCommand>();
        return services;
    }
}
