using InterviewBot.Core.Practice;
using InterviewBot.Features.Answers;
using InterviewBot.Features.Archive;
using InterviewBot.Features.Ask;
using InterviewBot.Features.Digest;
using InterviewBot.Features.Community;
using InterviewBot.Features.Config;
using InterviewBot.Features.Daily;
using InterviewBot.Features.Help;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Interview;
using InterviewBot.Features.Practice.Discord;
using InterviewBot.Features.Privacy;
using InterviewBot.Features.Questions;
using InterviewBot.Features.Reminders;
using InterviewBot.Features.Reveal;
using InterviewBot.Features.Review;
using InterviewBot.Features.Stats;
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
        services.AddHostedService<AskResumeService>();

        services.AddReviewFeature();
        services.AddStatsFeature();
        services.AddDigestFeature();
        services.AddInterviewFeature();
        services.AddPracticeDiscordFeature();
        services.AddRemindersFeature();
        services.AddCommunityFeature();
        services.AddArchiveFeature();
        services.AddDailyFeature();
        services.AddConfigFeature();
        services.AddPrivacyFeature();

        services.AddHostedService<GatewayService>();
        return services;
    }
}
