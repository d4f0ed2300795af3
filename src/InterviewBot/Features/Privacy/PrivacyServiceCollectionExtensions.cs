using InterviewBot.Features.Answers;
using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary><c>/privacy export</c> and <c>/privacy delete</c>, and the erasure filter the answer collector consults.</summary>
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services)
    {
        services.AddSingleton<ErasedMembers>();
        services.AddSingleton<ICommandHandler, PrivacyCommand>();
        services.AddSingleton<IComponentHandler, PrivacyButtons>();
        return services;
    }
}
