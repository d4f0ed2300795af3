using System.CommandLine;
using System.Globalization;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using Spectre.Console;

namespace InterviewBot.Cli;

/// <summary>
/// <c>interviewbot questions check [DIR]</c>: validates a question bank. Prints a table of questions per category and
/// difficulty and exits 0, or prints every problem as <c>file:line:column: reason</c> and exits 1.
/// </summary>
public static class QuestionsCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo?>("DIR")
        {
            Description = "The folder with the question files (default: the bank shipped beside the executable).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var check = new Command("check", "Validate a question bank and print its size per category and difficulty.") { directory };
        check.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(directory)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "questions");
            return Check(path, Console.Out, Console.Error);
        });
        return new Command("questions", "Work with the question bank.") { check };
    }

    public static int Check(string directory, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var result = QuestionBankLoader.LoadDirectory(directory);
        var problems = result.Problems.ToList();
        if (result.IsValid)
        {
            // Calibration samples, when the folder has them: each must land in its coverage band.
            var (samples, sampleProblems) = SampleAnswerChecker.Load(directory);
            problems.AddRange(sampleProblems);
            problems.AddRange(SampleAnswerChecker.Check(samples, result.ToBank(), new KeyPointScorer()));
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                errors.WriteLine(problem.ToString());
            }

            errors.WriteLine($"{problems.Count} problem(s) in {directory}");
            return ExitCodes.ProblemsFound;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Write(SummaryTable(result.Questions));
        console.WriteLine($"{result.Questions.Count} questions in {result.FileCount} file(s): no problems.");
        return ExitCodes.Success;
    }

    private static Table SummaryTable(IReadOnlyList<Question> questions)
    {
        var table = new Table().AddColumns("category", "easy", "medium", "hard", "total");
        foreach (var group in questions.GroupBy(q => q.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(
                group.Key,
                Count(group, Difficulty.Easy),
                Count(group, Difficulty.Medium),
                Count(group, Difficulty.Hard),
                group.Count().ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow(
            "all",
            Count(questions, Difficulty.Easy),
            Count(questions, Difficulty.Medium),
            Count(questions, Difficulty.Hard),
            questions.Count.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    private static string Count(IEnumerable<Question> questions, Difficulty difficulty) =>
        questions.Count(q => q.Difficulty == difficulty).ToString(CultureInfo.InvariantCulture);
}
