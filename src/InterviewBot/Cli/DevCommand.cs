using System.CommandLine;
using System.Globalization;
using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Cli;

/// <summary>
/// Hidden developer verbs used by tests. <c>dev write-answers --db FILE --count N [--writers W]</c> writes N answers
/// through the real stores, from W concurrent writers (default 1: one at a time; more make the writer group-commit them),
/// and prints each answer id on stdout after its write returned, so a test can kill the process at any moment and know
/// which answers must have survived.
/// </summary>
public static class DevCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Database file (created and migrated if needed).", Required = true };
        var count = new Option<int>("--count") { Description = "How many answers to write.", DefaultValueFactory = _ => 1000 };
        var writers = new Option<int>("--writers") { Description = "How many concurrent writers.", DefaultValueFactory = _ => 1 };
        var writeAnswers = new Command("write-answers", "Write answers, printing each id once committed.") { db, count, writers };
        writeAnswers.SetAction((parseResult, cancellationToken) =>
            WriteAnswersAsync(parseResult.GetValue(db)!, parseResult.GetValue(count), parseResult.GetValue(writers), cancellationToken));
        return new Command("dev", "Developer tools.") { Hidden = true, Subcommands = { writeAnswers } };
    }

    public static async Task<int> WriteAnswersAsync(string databasePath, int count, int writers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
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
        using var output = new SemaphoreSlim(1, 1);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                for (var i = w + 1; i <= count; i += writers)
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
                    await output.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await Console.Out.WriteLineAsync(answerId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                        await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        output.Release();
                    }
                }
            },
            cancellationToken))).ConfigureAwait(false);

        return ExitCodes.Success;
    }
}
