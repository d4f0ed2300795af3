using System.CommandLine;

namespace InterviewBot.Cli;

/// <summary>The command line: <c>interviewbot [run]</c>, <c>interviewbot questions check [DIR]</c>, and further verbs.</summary>
public static class InterviewBotCli
{
    public static RootCommand Create()
    {
        var run = RunCommand.Create();
        var root = new RootCommand("InterviewBot: mock backend interviews in your Discord server.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(run);
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(DevCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(QuestionsCommand.Create());
        root.Subcommands.Add(PracticeCommand.Create());
        root.SetAction((parseResult, cancellationToken) => RunCommand.RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));
        return root;
    }
}
