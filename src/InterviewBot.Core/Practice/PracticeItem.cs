using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;

namespace InterviewBot.Core.Practice;

/// <summary>
/// One question of a practice run: a review of a question the member has answered before (<paramref name="State"/>
/// is their spaced-repetition state, due now) or a new question (<paramref name="State"/> is null).
/// </summary>
public sealed record PracticeItem(Question Question, RepetitionState? State)
{
    public bool IsNew => State is null;
}
