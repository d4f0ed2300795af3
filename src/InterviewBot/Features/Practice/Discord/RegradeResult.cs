using InterviewBot.Core.Repetition;

namespace InterviewBot.Features.Practice.Discord;

public enum RegradeStatus
{
    Regraded,

    /// <summary>The review does not exist or belongs to someone else.</summary>
    NotYours,

    /// <summary>The member has reviewed the question again since.</summary>
    Superseded,
}

/// <summary>What a recall button did; <see cref="State"/> is the new state when regraded.</summary>
public sealed record RegradeResult(RegradeStatus Status, RepetitionState? State);
