using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Config;

public static class ConfigServiceCollectionExtensions
{
    public static IServiceCollection AddConfigFeature(this IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, ConfigCommand>();
        return services;
    }
}
