using System.CommandLine;
using System.Globalization;
using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Cli;

/// <summary>
/// Hidden developer verbs used by tests. <c>dev write-answers --db FILE --count N</c> writes N answers through the
/// real stores, one at a time, and prints each answer id on stdout after its write returned, so a test can kill
/// the process at any moment and know which answers must have survived.
/// </summary>
public static class DevCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Database file (created and migrated if needed).", Required = true };
        var count = new Option<int>("--count") { Description = "How many answers to write.", DefaultValueFactory = _ => 1000 };
        var writeAnswers = new Command("write-answers", "Write answers one by one, printing each id once committed.") { db, count };
        writeAnswers.SetAction((parseResult, cancellationToken) => WriteAnswersAsync(parseResult.GetValue(db)!, parseResult.GetValue(count), cancellationToken));
        return new Command("dev", "Developer tools.") { Hidden = true, Subcommands = { writeAnswers } };
    }

    public static async Task<int> WriteAnswersAsync(string databasePath, int count, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddInterviewBotStorage(databasePath);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        var time = provider.GetRequiredService<TimeProvider>();
        var prompts = provider.GetRequiredService<IPromptStore>();
        var answers = provider.GetRequiredService<IAnswerStore>();

        // Snowflake-like ids from the clock keep repeated runs on one file apart.
        var baseId = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds() << 22;
        var prompt = await prompts.TryCreateAsync(
            new Prompt { GuildId = 1, ChannelId = 2, MessageId = baseId, QuestionId = "dev/write-answers", Source = PromptSource.Ask, PostedAt = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("could not create the prompt for dev write-answers");
        for (var i = 1; i <= count; i++)
        {
            var answerId = await answers.UpsertPartAsync(
                new AnswerPartWrite
                {
                    PromptId = prompt.PromptId,
                    GuildId = 1,
                    UserId = (ulong)i,
                    MessageId = baseId + (ulong)i,
                    Content = string.Create(CultureInfo.InvariantCulture, $"answer {i}: cache-aside with a TTL"),
                    WrittenAt = time.GetUtcNow(),
                },
                cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(answerId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
