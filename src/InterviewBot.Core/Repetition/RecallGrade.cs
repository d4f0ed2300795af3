namespace InterviewBot.Core.Repetition;

/// <summary>How well a member recalled a question: the four buttons shown with their feedback.</summary>
public enum RecallGrade
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
