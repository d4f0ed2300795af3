using InterviewBot.Core.Repetition;

namespace InterviewBot.Storage;

/// <summary>One spaced-repetition review: the state before it and the grade applied, so the member's own grade can replace it.</summary>
public sealed record RepetitionReview(
    long ReviewId,
    ulong GuildId,
    ulong UserId,
    string QuestionId,
    RepetitionState? Before,
    RecallGrade Grade,
    bool GradedByMember,
    DateTimeOffset ReviewedAt);
