namespace InterviewBot.Core.Questions;

/// <summary>A validated set of questions, indexed by id, category and tag.</summary>
public sealed class QuestionBank
{
    private readonly Dictionary<string, Question> _byId;

    public QuestionBank(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        Questions = [.. questions];
        _byId = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in Questions)
        {
            if (!_byId.TryAdd(question.Id, question))
            {
                throw new ArgumentException($"duplicate question id '{question.Id}'", nameof(questions));
            }
        }

        Categories = [.. Questions.Select(q => q.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Tags = [.. Questions.SelectMany(q => q.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static QuestionBank Empty { get; } = new([]);

    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<string> Tags { get; }

    public int Count => Questions.Count;

    public Question? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Question> Matching(QuestionFilter filter) => Questions.Where(filter.Matches);
}
