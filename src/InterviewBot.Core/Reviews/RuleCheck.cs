namespace InterviewBot.Core.Reviews;

/// <summary>Whether an action is allowed, and if not, why, in words for the member's ephemeral reply.</summary>
public readonly record struct RuleCheck(bool Allowed, string? Reason)
{
    public static RuleCheck Allow { get; } = new(true, null);

    public static RuleCheck Refuse(string reason) => new(false, reason);
}
