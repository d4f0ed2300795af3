using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The weekly digest: <c>/digest</c>, its per-guild Quartz trigger and the job that posts it.</summary>
    public static IServiceCollection AddDigestFeature(this IServiceCollection services)
    {
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<ICommandHandler, DigestCommand>();
        return services;
    }
}
