using InterviewBot.Configuration;
using InterviewBot.Core.Questions;
using Microsoft.Extensions.Configuration;

namespace InterviewBot.Hosting;

/// <summary>
/// Checks that run before the host starts, in the order an operator would fix them. Each failure is a
/// <see cref="StartupException"/> whose message is a single actionable line.
/// </summary>
public static class StartupChecks
{
    public static void RequireToken(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[InterviewBotConfiguration.TokenKey]))
        {
            throw new StartupException(InterviewBotConfiguration.MissingTokenMessage);
        }
    }

    /// <summary>Creates the data directory if needed and proves it is writable.</summary>
    public static string RequireWritableDataDirectory(InterviewBotOptions options)
    {
        var path = ResolvedPaths.DataDirectory(options);
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new StartupException(
                $"data directory '{path}' is not usable ({e.Message}). Set InterviewBot__DataDirectory to a writable folder.",
                e);
        }
    }

    public static string RequireQuestionsDirectory(InterviewBotOptions options)
    {
        var path = ResolvedPaths.QuestionsDirectory(options);
        if (!Directory.Exists(path))
        {
            throw new StartupException(
                $"questions directory '{path}' does not exist. Set InterviewBot__QuestionsDirectory to the folder with the question bank.");
        }

        return path;
    }

    /// <summary>Loads and validates the bank; an invalid bank stops start-up with the same report as <c>questions check</c>.</summary>
    public static QuestionBank RequireValidBank(string questionsDirectory)
    {
        var result = QuestionBankLoader.LoadDirectory(questionsDirectory);
        if (!result.IsValid)
        {
            throw new StartupException(
                $"the question bank in '{questionsDirectory}' has {result.Problems.Count} problem(s); fix them or run 'interviewbot questions check':"
                + Environment.NewLine + string.Join(Environment.NewLine, result.Problems));
        }

        return result.ToBank();
    }
}
