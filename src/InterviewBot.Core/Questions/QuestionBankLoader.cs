using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Questions;

/// <summary>
/// Loads every <c>*.yaml</c> file directly in a folder (one per category; <c>samples/</c> and other folders are not
/// questions), validates each, and checks ids are unique across files.
/// </summary>
public static class QuestionBankLoader
{
    public static BankLoadResult LoadDirectory(string directory, KeyPointScorer? scorer = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new BankLoadResult([], [new BankProblem(new SourceLocation(directory, 1, 1), "the questions folder does not exist")], 0);
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(directory, "*.yml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .ToList();
        if (files.Count == 0)
        {
            return new BankLoadResult([], [new BankProblem(new SourceLocation(directory, 1, 1), "the questions folder has no *.yaml files")], 0);
        }

        return LoadFiles(files, scorer);
    }

    /// <summary>Validates files given as (display name, text); a file's category is its name without extension.</summary>
    public static BankLoadResult LoadFiles(IEnumerable<(string Name, string Text)> files, KeyPointScorer? scorer = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        scorer ??= new KeyPointScorer();
        var input = files.ToList();

        // Files are independent, so they are parsed in parallel; results are combined in file order, keeping
        // problem order and "first defined at" deterministic.
        var parsed = new (IReadOnlyList<Question> Questions, IReadOnlyList<BankProblem> Problems)[input.Count];
        Parallel.For(0, input.Count, i =>
        {
            var (name, text) = input[i];
            parsed[i] = QuestionFileParser.Parse(name, text, Path.GetFileNameWithoutExtension(name), scorer);
        });

        var questions = new List<Question>();
        var problems = new List<BankProblem>();
        var firstSeen = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var (fileQuestions, fileProblems) in parsed)
        {
            problems.AddRange(fileProblems);
            foreach (var question in fileQuestions)
            {
                if (firstSeen.TryGetValue(question.Id, out var first))
                {
                    problems.Add(new BankProblem(question.Location, $"duplicate id '{question.Id}' (first defined at {first.Location})"));
                    continue;
                }

                firstSeen.Add(question.Id, question);
                questions.Add(question);
            }
        }

        return new BankLoadResult(questions, problems, input.Count);
    }
}
