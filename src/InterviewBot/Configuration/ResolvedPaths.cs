namespace InterviewBot.Configuration;

/// <summary>Turns configured directories into absolute paths, the same way for the bot and every CLI verb.</summary>
public static class ResolvedPaths
{
    public static string DataDirectory(InterviewBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>
    /// A relative questions directory is looked up beside the executable first (where the build copies the bank),
    /// then in the working directory, so `dotnet run` and the published image both find it.
    /// </summary>
    public static string QuestionsDirectory(InterviewBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Path.IsPathRooted(options.QuestionsDirectory))
        {
            return options.QuestionsDirectory;
        }

        var besideExecutable = Path.Combine(AppContext.BaseDirectory, options.QuestionsDirectory);
        return Directory.Exists(besideExecutable) ? besideExecutable : Path.GetFullPath(options.QuestionsDirectory);
    }

    public static string DatabasePath(InterviewBotOptions options) => Path.Combine(DataDirectory(options), "interviewbot.db");

    public static string SchedulerDatabasePath(InterviewBotOptions options) => Path.Combine(DataDirectory(options), "quartz.db");
}
