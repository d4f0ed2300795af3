using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>/archive list and /archive show.</summary>
    public static IServiceCollection AddArchiveFeature(this IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, ArchiveCommand>();
        return services;
    }
}
