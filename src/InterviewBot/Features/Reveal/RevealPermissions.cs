using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Reveal;

/// <summary>Who may reveal early: the member who asked, and members with Manage Messages.</summary>
public static class RevealPermissions
{
    public static bool MayReveal(InteractionContext context, Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.AskedBy == context.UserId || context.MemberHas(Permissions.ManageMessages);
    }

    public const string Refusal = "Only the member who asked this question, or a moderator with Manage Messages, can reveal it early. It will be revealed automatically at the reveal time.";
}
