namespace InterviewBot.Core.Questions;

/// <summary>Limits a question must respect; most are Discord's embed limits, since each field is shown in an embed.</summary>
public static class QuestionLimits
{
    /// <summary>Discord's embed title limit.</summary>
    public const int PromptLength = 256;

    /// <summary>Discord's embed description limit.</summary>
    public const int AnswerLength = 4096;

    public const int HintLength = 1000;
    public const int KeyPointLabelLength = 80;
    public const int MinKeyPoints = 3;
    public const int MaxKeyPoints = 7;
    public const int MinIdLength = 3;
    public const int MaxIdLength = 64;

    /// <summary>Discord's embed field value limit; a code block is shown in one field.</summary>
    public const int CodeLength = 1000;
}
