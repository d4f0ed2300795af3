using InterviewBot.Core.Practice;
using InterviewBot.Features.Answers;
using InterviewBot.Features.Ask;
using InterviewBot.Features.Config;
using InterviewBot.Features.Daily;
using InterviewBot.Features.Help;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Features.Reveal;
using InterviewBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>Every feature's services, commands and component handlers, plus the gateway service that drives them.</summary>
    public static IServiceCollection AddInterviewBotFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new QuestionSelector(Random.Shared));
        services.AddSingleton<QuestionCatalog>();
        services.AddSingleton<OpenThreads>();
        services.AddSingleton<AnswerCollector>();
        services.AddSingleton<PromptPublisher>();
        services.AddSingleton<RevealScheduler>();
        services.AddSingleton<RevealService>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<ThreadBackfill>();
        services.AddSingleton<BotExit>();

        services.AddSingleton<ICommandHandler, AskCommand>();
        services.AddSingleton<ICommandHandler, RevealCommand>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<IComponentHandler, PromptButtons>();

        services.AddDailyFeature();
        services.AddConfigFeature();

        services.AddHostedService<GatewayService>();
        return services;
    }
}
