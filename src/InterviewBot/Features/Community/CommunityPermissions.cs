using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;

namespace InterviewBot.Features.Community;

/// <summary>Who counts as staff for server questions: members with Manage Messages (checked on every interaction, never trusted from the client).</summary>
public static class CommunityPermissions
{
    public const Permissions Staff = Permissions.ManageMessages;

    public static bool IsStaff(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.MemberHas(Staff);
    }
}
