namespace InterviewBot.Storage;

/// <summary>What an answer's score needs (docs/scoring.md): whether it still counts, and its coverage.</summary>
public interface IScorableAnswer
{
    long AnswerId { get; }

    /// <summary>No live part is left: the answer is out of every count and score.</summary>
    bool Deleted { get; }

    /// <summary>Coverage in percent (0-100), or null while the answer is unscored.</summary>
    double? CoveragePercent { get; }
}
