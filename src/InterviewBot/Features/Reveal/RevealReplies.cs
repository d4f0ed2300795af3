using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Reveal;

/// <summary>The shared path of the Reveal button and <c>/reveal</c>: check rights, defer, reveal, say what happened.</summary>
internal static class RevealReplies
{
    public static async Task RevealForAsync(InteractionContext context, Prompt prompt, RevealService reveals, CancellationToken cancellationToken)
    {
        if (prompt.RevealedAt is not null)
        {
            await context.ReplyAsync("This question has already been revealed; the answer is in its thread.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!RevealPermissions.MayReveal(context, prompt))
        {
            await context.ReplyAsync(RevealPermissions.Refusal, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var outcome = await reveals.RevealAsync(prompt.PromptId, cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync(
            outcome == RevealOutcome.Revealed ? "Revealed. The reference answer and everyone's coverage are in the thread." : "This question has already been revealed.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
