using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Interactions;
using InterviewBot.Tests.Reliability;

namespace InterviewBot.Tests.Interactions;

/// <summary>
/// What a handler's reply becomes after the dispatcher's deadline guard acknowledged the interaction for it: the
/// member must still see the reply, and a component's message must not be overwritten by it.
/// </summary>
public sealed class InteractionContextTests
{
    [Fact]
    public async Task Component_DeferredByTheGuard_UpdateEditsItsMessage_AndAReplyIsAFollowup()
    {
        var (rest, recorder) = RecordingRestClient.Create();
        using var context = new InteractionContext(Interaction(InteractionType.MessageComponent), rest);

        Assert.True(await context.DeferIfUnansweredAsync(CancellationToken.None));
        await context.UpdateMessageAsync(new InteractionCallbackData { Content = "page 2" }, CancellationToken.None);
        await context.ReplyAsync("saved", cancellationToken: CancellationToken.None);

        Assert.Equal(
            [nameof(IDiscordRestClient.CreateInteractionResponseAsync), nameof(IDiscordRestClient.EditOriginalResponseAsync), nameof(IDiscordRestClient.CreateFollowupAsync)],
            recorder.Calls.Select(c => c.Method));
        var calls = recorder.Calls.ToList();
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, ((InteractionResponse)calls[0].Args[2]!).Type);
        Assert.Equal("page 2", ((MessageEdit)calls[1].Args[2]!).Content);
        var followup = (MessageCreate)calls[2].Args[2]!;
        Assert.Equal("saved", followup.Content);
        Assert.Equal(MessageFlags.Ephemeral, followup.Flags);
    }

    [Fact]
    public async Task Command_DeferredByTheGuard_ReplyFillsInTheDeferral()
    {
        var (rest, recorder) = RecordingRestClient.Create();
        using var context = new InteractionContext(Interaction(InteractionType.ApplicationCommand), rest);

        Assert.True(await context.DeferIfUnansweredAsync(CancellationToken.None));
        await context.ReplyAsync("your question is up", cancellationToken: CancellationToken.None);

        var calls = recorder.Calls.ToList();
        Assert.Equal([nameof(IDiscordRestClient.CreateInteractionResponseAsync), nameof(IDiscordRestClient.EditOriginalResponseAsync)], calls.Select(c => c.Method));
        var deferral = (InteractionResponse)calls[0].Args[2]!;
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferral.Type);
        Assert.Equal(MessageFlags.Ephemeral, deferral.Data?.Flags);
        Assert.Equal("your question is up", ((MessageEdit)calls[1].Args[2]!).Content);
    }

    [Fact]
    public async Task Guard_AfterTheHandlerAnswered_SendsNothing()
    {
        var (rest, recorder) = RecordingRestClient.Create();
        using var context = new InteractionContext(Interaction(InteractionType.MessageComponent), rest);

        await context.UpdateMessageAsync(new InteractionCallbackData { Content = "done" }, CancellationToken.None);

        Assert.False(await context.DeferIfUnansweredAsync(CancellationToken.None));
        var call = Assert.Single(recorder.Calls);
        Assert.Equal(InteractionCallbackType.UpdateMessage, ((InteractionResponse)call.Args[2]!).Type);
    }

    [Fact]
    public async Task Autocomplete_IsNeverDeferred()
    {
        var (rest, recorder) = RecordingRestClient.Create();
        using var context = new InteractionContext(Interaction(InteractionType.ApplicationCommandAutocomplete), rest);

        Assert.False(await context.DeferIfUnansweredAsync(CancellationToken.None));
        Assert.Empty(recorder.Calls);
    }

    private static Interaction Interaction(InteractionType type) => new()
    {
        Id = new Snowflake(1),
        ApplicationId = new Snowflake(2),
        Token = "interaction-token",
        Type = type,
        GuildId = new Snowflake(3),
        ChannelId = new Snowflake(4),
        Data = new InteractionData { CustomId = "community:page:2", Name = "ask" },
    };
}
