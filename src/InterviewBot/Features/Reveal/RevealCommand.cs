using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Reveal;

/// <summary><c>/reveal</c>, run inside a question's thread: reveals it now (asker or moderators only).</summary>
public sealed class RevealCommand(IPromptStore prompts, RevealService reveals) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "reveal",
        Description = "Reveal the reference answer of the question whose thread you are in.",
        Contexts = [InteractionContextType.Guild],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prompt = await prompts.FindByThreadAsync(context.ChannelId, cancellationToken).ConfigureAwait(false);
        if (prompt is null || prompt.GuildId != context.GuildId)
        {
            await context.ReplyAsync("Run `/reveal` inside the thread of the question you want to reveal.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await RevealReplies.RevealForAsync(context, prompt, reveals, cancellationToken).ConfigureAwait(false);
    }
}
