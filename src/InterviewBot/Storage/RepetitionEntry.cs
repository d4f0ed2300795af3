using InterviewBot.Core.Repetition;

namespace InterviewBot.Storage;

/// <summary>A member's spaced-repetition state for one question.</summary>
public sealed record RepetitionEntry(ulong GuildId, ulong UserId, string QuestionId, RepetitionState State);
