using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Community;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>/question (suggestions with staff review, server questions, import/export, list, disable).</summary>
    public static IServiceCollection AddCommunityFeature(this IServiceCollection services)
    {
        services.AddSingleton<ServerQuestions>();
        services.AddSingleton<SuggestionReview>();
        services.AddSingleton<QuestionImport>();
        services.AddSingleton<QuestionList>();
        services.AddHttpClient(AttachmentDownloader.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<AttachmentDownloader>();
        services.AddSingleton<ICommandHandler, QuestionCommand>();
        services.AddSingleton<IComponentHandler, CommunityComponents>();
        return services;
    }
}
