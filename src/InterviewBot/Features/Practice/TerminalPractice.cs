using System.Globalization;
using InterviewBot.Cli;
using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;
using InterviewBot.Storage;
using Spectre.Console;

namespace InterviewBot.Features.Practice;

/// <summary>
/// A mock interview in the terminal (<c>interviewbot practice</c>): the same bank, scorer and SM-2 schedule as the
/// Discord bot, for one local member. Questions due for review come first, then new ones (see
/// <see cref="PracticePlanner"/>); each answer is scored, the reference answer shown, and the review saved at once,
/// so quitting half-way keeps what was answered. Reads answers from a <see cref="TextReader"/> and writes to an
/// <see cref="IAnsiConsole"/> so tests can drive it; the grade override is offered only when the console is interactive.
/// </summary>
public sealed class TerminalPractice(
    QuestionBank bank,
    ISpacedRepetitionStore store,
    KeyPointScorer scorer,
    PracticePlanner planner,
    TimeProvider time)
{
    /// <summary>The local member's "guild": terminal progress lives in its own file, so 0 cannot meet a real snowflake.</summary>
    public const ulong LocalGuildId = 0;

    public const ulong LocalUserId = 0;

    /// <summary>
    /// Checks the request against the bank. Returns null and the filter when it is usable, otherwise a one-line reason
    /// (unknown category or difficulty, count out of range).
    /// </summary>
    public static string? Validate(QuestionBank bank, TerminalPracticeRequest request, out QuestionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(request);
        filter = QuestionFilter.Any;
        if (request.Count is < 1 or > TerminalPracticeRequest.MaxCount)
        {
            return $"--count must be between 1 and {TerminalPracticeRequest.MaxCount}, not {request.Count}";
        }

        Difficulty? difficulty = null;
        if (request.Difficulty is not null)
        {
            if (!DifficultyNames.TryParse(request.Difficulty, out var parsed))
            {
                return $"unknown difficulty '{request.Difficulty}'; expected easy, medium or hard";
            }

            difficulty = parsed;
        }

        string[]? categories = null;
        if (request.Category is not null)
        {
            var category = bank.Categories.FirstOrDefault(c => string.Equals(c, request.Category.Trim(), StringComparison.OrdinalIgnoreCase));
            if (category is null)
            {
                return $"unknown category '{request.Category}'; expected one of {string.Join(", ", bank.Categories)}";
            }

            categories = [category];
        }

        filter = new QuestionFilter(categories, difficulty);
        return null;
    }

    /// <summary>Runs the session and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public async Task<int> RunAsync(TerminalPracticeRequest request, TextReader input, IAnsiConsole console, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(errors);
        var problem = Validate(bank, request, out var filter);
        if (problem is not null)
        {
            await errors.WriteLineAsync($"interviewbot: {problem}").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }

        var eligible = bank.Matching(filter).ToList();
        if (eligible.Count == 0)
        {
            await errors.WriteLineAsync($"interviewbot: no question matches {filter.Describe()}").ConfigureAwait(false);
            return ExitCodes.ProblemsFound;
        }

        var states = (await store.ListForMemberAsync(LocalGuildId, LocalUserId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.QuestionId, e => e.State, StringComparer.Ordinal);
        var plan = planner.Plan(eligible, states, time.GetUtcNow(), request.Count);
        if (plan.Count == 0)
        {
            var next = PracticePlanner.NextDue(eligible, states);
            console.MarkupLine(Markup.Escape(
                $"Nothing to practise: you have answered every question matching {filter.Describe()} and none is due yet"
                + (next is { } due ? $"; the next review is due on {Date(due)}." : ".")));
            return ExitCodes.Success;
        }

        var reviews = plan.Count(i => !i.IsNew);
        console.MarkupLine(Markup.Escape(
            $"Practice: {plan.Count} question(s), {reviews} due for review and {plan.Count - reviews} new ({filter.Describe()})."));
        console.MarkupLine("[dim]Answer in as many lines as you like; finish an answer with an empty line or Ctrl-D.[/]");

        var outcomes = new List<TerminalPracticeOutcome>();
        for (var i = 0; i < plan.Count; i++)
        {
            var outcome = await AskAsync(plan[i], i + 1, plan.Count, input, console, cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                console.WriteLine();
                console.MarkupLine(Markup.Escape($"No more answers: stopped after {outcomes.Count} of {plan.Count} question(s)."));
                break;
            }

            outcomes.Add(outcome);
        }

        WriteSummary(console, outcomes);
        return ExitCodes.Success;
    }

    private async Task<TerminalPracticeOutcome?> AskAsync(PracticeItem item, int number, int total, TextReader input, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var question = item.Question;
        console.WriteLine();
        var origin = item.State is { } previous ? $"review, due since {Date(previous.DueAt)}" : "new";
        console.Write(new Rule(Markup.Escape($"Question {number}/{total} · {question.Category} · {question.Difficulty.ToName()} · {origin}")).LeftJustified());
        console.MarkupLine(Markup.Escape(question.Id));
        console.MarkupLine(TerminalMarkdown.ToMarkup(question.Prompt));
        if (question.Code is { } code)
        {
            console.Write(new Panel(new Text(code)) { Header = new PanelHeader(question.CodeLanguage ?? "code"), Border = BoxBorder.Square });
        }

        console.MarkupLine("[dim]Your answer:[/]");
        var answer = await ReadAnswerAsync(input, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return null;
        }

        var coverage = scorer.Score(question, answer);

        // Written as one unwrapped line, like the bot's reveal, so it reads (and greps) the same in a terminal or a pipe.
        console.Profile.Out.Writer.WriteLine(CoverageFormatter.Line("Coverage", coverage));
        console.Write(new Panel(new Markup(TerminalMarkdown.ToMarkup(question.Answer)))
        {
            Header = new PanelHeader("Reference answer"),
            Border = BoxBorder.Rounded,
        });

        var grade = Sm2Scheduler.GradeFromCoverage(coverage.Percent);
        console.MarkupLine(Markup.Escape($"Grade from coverage ({coverage.Percent} %): {grade}"));
        if (console.Profile.Capabilities.Interactive)
        {
            grade = await AskOverrideAsync(grade, input, console, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var next = Sm2Scheduler.Review(item.State ?? RepetitionState.New(now), grade, now);
        await store.SaveAsync(LocalGuildId, LocalUserId, question.Id, next, cancellationToken).ConfigureAwait(false);
        console.MarkupLine(Markup.Escape($"Next review: {Date(next.DueAt)} (in {next.IntervalDays} day(s))."));
        return new TerminalPracticeOutcome(question, coverage, grade, next);
    }

    /// <summary>
    /// Lines up to an empty line or the end of input. Blank lines before any text are skipped, so an extra Enter does not
    /// submit an empty answer. Null when the input ends before any text: the member has nothing more to say.
    /// </summary>
    internal static async Task<string?> ReadAnswerAsync(TextReader input, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (lines.Count == 0)
                {
                    continue;
                }

                break;
            }

            lines.Add(line);
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static async Task<RecallGrade> AskOverrideAsync(RecallGrade suggested, TextReader input, IAnsiConsole console, CancellationToken cancellationToken)
    {
        while (true)
        {
            console.Markup(Markup.Escape($"How did it go? [a]gain, [h]ard, [g]ood, [e]asy, or Enter to keep {suggested}: "));
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(line))
            {
                return suggested;
            }

            if (TryParseGrade(line, out var chosen))
            {
                return chosen;
            }

            console.MarkupLine(Markup.Escape($"'{line.Trim()}' is not a grade."));
        }
    }

    internal static bool TryParseGrade(string text, out RecallGrade grade)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "A" or "AGAIN" or "1": grade = RecallGrade.Again; return true;
            case "H" or "HARD" or "2": grade = RecallGrade.Hard; return true;
            case "G" or "GOOD" or "3": grade = RecallGrade.Good; return true;
            case "E" or "EASY" or "4": grade = RecallGrade.Easy; return true;
            default: grade = default; return false;
        }
    }

    private void WriteSummary(IAnsiConsole console, List<TerminalPracticeOutcome> outcomes)
    {
        console.WriteLine();
        if (outcomes.Count == 0)
        {
            console.MarkupLine("No question answered; nothing saved.");
            return;
        }

        var table = new Table { Title = new TableTitle("Summary") }
            .AddColumns("question", "category", "coverage", "grade", "next review");
        foreach (var outcome in outcomes)
        {
            table.AddRow(
                Markup.Escape(outcome.Question.Id),
                Markup.Escape(outcome.Question.Category),
                $"{outcome.Coverage.Percent.ToString(CultureInfo.InvariantCulture)} %",
                outcome.Grade.ToString(),
                Date(outcome.Next.DueAt));
        }

        console.Write(table);
        var mean = outcomes.Average(o => o.Coverage.Percent);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Mean coverage: {mean:0} % over {outcomes.Count} question(s).")));
    }

    private string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, time.LocalTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
