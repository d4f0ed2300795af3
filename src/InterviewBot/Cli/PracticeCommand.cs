using System.CommandLine;
using InterviewBot.Configuration;
using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using InterviewBot.Features.Practice;
using InterviewBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace InterviewBot.Cli;

/// <summary>
/// <c>interviewbot practice [--category C] [--difficulty D] [--count N] [--questions DIR] [--data FILE]</c>: a mock
/// interview in the terminal, no Discord token needed. Progress (spaced repetition) is kept in a local SQLite file,
/// by default <c>practice.db</c> in the data directory. Exit 2 on invalid arguments or an unusable bank or file,
/// exit 1 when the filter matches no question.
/// </summary>
public static class PracticeCommand
{
    public const string DatabaseFileName = "practice.db";

    public static Command Create()
    {
        var category = new Option<string?>("--category") { Description = "Only questions of this category (e.g. caching)." };
        var difficulty = new Option<string?>("--difficulty") { Description = "Only questions of this difficulty: easy, medium or hard." };
        var count = new Option<int>("--count")
        {
            Description = $"How many questions (1-{TerminalPracticeRequest.MaxCount}): due reviews first, then new ones.",
            DefaultValueFactory = _ => TerminalPracticeRequest.DefaultCount,
        };
        var questions = new Option<DirectoryInfo?>("--questions") { Description = "The question bank folder (default: InterviewBot:QuestionsDirectory)." };
        var data = new Option<FileInfo?>("--data") { Description = $"The progress file (default: {DatabaseFileName} in InterviewBot:DataDirectory)." };
        var command = new Command("practice", "Practise interview questions in the terminal; no Discord needed.")
        {
            category, difficulty, count, questions, data,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new TerminalPracticeRequest(parseResult.GetValue(category), parseResult.GetValue(difficulty), parseResult.GetValue(count)),
            parseResult.GetValue(questions)?.FullName,
            parseResult.GetValue(data)?.FullName,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(TerminalPracticeRequest request, string? questionsDirectory, string? databasePath, CancellationToken cancellationToken)
    {
        var errors = Console.Error;
        var options = LoadOptions();
        questionsDirectory ??= ResolvedPaths.QuestionsDirectory(options);
        if (!Directory.Exists(questionsDirectory))
        {
            await errors.WriteLineAsync($"interviewbot: questions directory '{questionsDirectory}' does not exist; pass --questions DIR").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }

        var loaded = QuestionBankLoader.LoadDirectory(questionsDirectory);
        if (!loaded.IsValid)
        {
            await errors.WriteLineAsync(
                $"interviewbot: the question bank in '{questionsDirectory}' has {loaded.Problems.Count} problem(s); run 'interviewbot questions check {questionsDirectory}'").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }

        var bank = loaded.ToBank();

        // Arguments are checked before the progress file is touched, so a typo creates nothing.
        if (TerminalPractice.Validate(bank, request, out var filter) is { } problem)
        {
            await errors.WriteLineAsync($"interviewbot: {problem}").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }

        if (!bank.Matching(filter).Any())
        {
            await errors.WriteLineAsync($"interviewbot: no question matches {filter.Describe()}").ConfigureAwait(false);
            return ExitCodes.ProblemsFound;
        }

        databasePath ??= Path.Combine(ResolvedPaths.DataDirectory(options), DatabaseFileName);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddInterviewBotStorage(databasePath);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SqliteException or DatabaseNewerThanCodeException or MigrationFailedException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"interviewbot: progress file '{Path.GetFullPath(databasePath)}' is not usable ({e.Message}); pass --data FILE").ConfigureAwait(false);
            return ExitCodes.StartupError;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            // Piped output (a file, a test) gets plain text: no colour or style escapes.
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            // With answers piped in there is nobody to ask for a grade: the coverage grade stands.
            Interactive = Console.IsInputRedirected ? InteractionSupport.No : InteractionSupport.Yes,
        });
        var practice = new TerminalPractice(
            bank,
            provider.GetRequiredService<ISpacedRepetitionStore>(),
            new KeyPointScorer(),
            new PracticePlanner(new QuestionSelector(Random.Shared)),
            provider.GetRequiredService<TimeProvider>());
        return await practice.RunAsync(request, Console.In, console, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same sources as the bot for the two directories: appsettings.json beside the executable, then the environment.</summary>
    private static InterviewBotOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(InterviewBotOptions.SectionName).Get<InterviewBotOptions>() ?? new InterviewBotOptions();
    }
}
