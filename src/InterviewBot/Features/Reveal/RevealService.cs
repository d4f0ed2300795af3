using System.Globalization;
using System.Text;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;
using InterviewBot.Core.Text;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Answers;
using InterviewBot.Features.Ask;
using InterviewBot.Features.Practice.Discord;
using InterviewBot.Features.Questions;
using InterviewBot.Features.Review;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Reveal;

/// <summary>
/// Reveals a prompt exactly once, however the timer, buttons, /reveal and restarts race: the store's reveal claim
/// picks one winner. The winner scores every answer, posts the reference answer, the key points and each member's
/// coverage in the thread (mentioning nobody), posts blind-mode answers, and marks the question message revealed.
/// If posting fails the claim is released so the reveal can be retried; message nonces keep a retry from
/// duplicating what was already posted.
/// </summary>
public sealed partial class RevealService(
    IPromptStore prompts,
    IAnswerStore answers,
    RecallRecorder recall,
    IGuildSettingsStore settings,
    QuestionCatalog catalog,
    KeyPointScorer scorer,
    OpenThreads openThreads,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<RevealService> logger)
{
    private const int RevealColor = 0x57F287;
    private const int DescriptionLimit = 4096;

    public async Task<RevealOutcome> RevealAsync(long promptId, CancellationToken cancellationToken)
    {
        var prompt = await prompts.GetAsync(promptId, cancellationToken).ConfigureAwait(false);
        if (prompt is null)
        {
            return RevealOutcome.UnknownPrompt;
        }

        using var scope = logger.BeginPromptScope(prompt);
        if (!await prompts.TryMarkRevealingAsync(promptId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return RevealOutcome.AlreadyRevealed;
        }

        try
        {
            await PostRevealAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await prompts.ReleaseRevealAsync(promptId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await prompts.MarkRevealedAsync(promptId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogRevealed(logger, promptId);
        return RevealOutcome.Revealed;
    }

    /// <summary>
    /// Finishes reveals that were due or interrupted while the bot was down. An interrupted reveal is finished even when
    /// its reveal time is still ahead: it was started early (the Reveal button, <c>/reveal</c>), its messages may already
    /// be in the thread, and its Quartz trigger has either fired or is a day away.
    /// </summary>
    public async Task RevealOverdueAsync(CancellationToken cancellationToken)
    {
        var interrupted = await prompts.ListInterruptedRevealsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var prompt in interrupted)
        {
            await prompts.ReleaseRevealAsync(prompt.PromptId, cancellationToken).ConfigureAwait(false);
        }

        var overdue = await prompts.ListRevealDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var due = interrupted.Concat(overdue).DistinctBy(p => p.PromptId).OrderBy(p => p.PromptId);
        foreach (var prompt in due)
        {
            try
            {
                await RevealAsync(prompt.PromptId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DiscordApiException or HttpRequestException)
            {
                LogOverdueRevealFailed(logger, e, prompt.PromptId);
            }
        }
    }

    private async Task PostRevealAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        var question = await catalog.FindAsync(prompt.GuildId, prompt.QuestionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"question {prompt.QuestionId} of prompt {prompt.PromptId} no longer exists");
        var guild = await settings.GetAsync(prompt.GuildId, cancellationToken).ConfigureAwait(false);
        var thread = new Snowflake(prompt.ThreadId ?? prompt.ChannelId);
        var now = time.GetUtcNow();

        var scored = new List<(Answer Answer, string Text, CoverageResult Coverage)>();
        foreach (var answer in await answers.ListForPromptAsync(prompt.PromptId, cancellationToken).ConfigureAwait(false))
        {
            if (answer.IsLate)
            {
                continue;
            }

            var text = answer.AssembledText();
            var coverage = scorer.Score(question, text);
            scored.Add((answer, text, coverage));
            await answers.SetCoverageAsync(answer.AnswerId, [.. coverage.Points.Where(p => p.Covered).Select(p => p.KeyPoint.Label)], coverage.Total, cancellationToken).ConfigureAwait(false);
            await recall.RecordAsync(prompt.GuildId, answer.UserId, question.Id, Sm2Scheduler.GradeFromCoverage(coverage.Percent), now, cancellationToken).ConfigureAwait(false);
        }

        var sequence = 0;
        var chunks = MarkdownChunker.Split(question.Answer, DescriptionLimit);
        for (var i = 0; i < chunks.Count; i++)
        {
            await PostAsync(thread, prompt, sequence++, new Embed
            {
                Title = i == 0 ? "Reference answer" : "Reference answer (continued)",
                Description = chunks[i],
                Color = RevealColor,
            }, cancellationToken).ConfigureAwait(false);
        }

        var coverageParts = CoverageDescriptions(question, scored).ToList();
        for (var i = 0; i < coverageParts.Count; i++)
        {
            // Each answerer can open their own result with the Again / Hard / Good / Easy buttons from the last part.
            IReadOnlyList<Component>? components = i == coverageParts.Count - 1 && scored.Count > 0 ? [ActionRow.Of(RecallButtons.RateYourRecall(prompt.PromptId))] : null;
            await PostAsync(thread, prompt, sequence++, new Embed { Title = "Key points and coverage", Description = coverageParts[i], Color = RevealColor }, cancellationToken, components).ConfigureAwait(false);
        }

        // Peer review opens with the reveal: option n of the picker is coverage line n.
        if (ReviewMessages.AnswerPicker(prompt.PromptId, [.. CoverageOrder(scored).Select(s => (s.Answer.AnswerId, s.Coverage.Covered, s.Coverage.Total))]) is { } picker)
        {
            await rest.CreateMessageAsync(thread, picker with { Nonce = $"rv{prompt.PromptId}.review", EnforceNonce = true }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (answer, text, coverage) in scored.Where(s => s.Answer.IsPrivate))
        {
            await PostAsync(thread, prompt, sequence++, new Embed
            {
                Title = "Private answer",
                Description = DiscordText.Truncate($"<@{answer.UserId}> · {coverage.Covered}/{coverage.Total}\n\n{text}", DescriptionLimit),
            }, cancellationToken).ConfigureAwait(false);
        }

        if (guild.BlindMode && prompt.ThreadId is { } lockedThread)
        {
            await rest.ModifyChannelAsync(new Snowflake(lockedThread), new ChannelModify { Locked = false }, cancellationToken).ConfigureAwait(false);
        }

        await rest.EditMessageAsync(new Snowflake(prompt.ChannelId), new Snowflake(prompt.MessageId), new MessageEdit
        {
            Embeds = [QuestionMessages.QuestionEmbed(question, prompt.RevealAt, revealed: true)],
            Components = QuestionMessages.QuestionButtons(revealed: true),
        }, cancellationToken).ConfigureAwait(false);
        if (prompt.ThreadId is { } threadId)
        {
            openThreads.MarkRevealed(threadId);
        }
    }

    private static IEnumerable<string> CoverageDescriptions(Question question, List<(Answer Answer, string Text, CoverageResult Coverage)> scored)
    {
        var text = new StringBuilder();
        text.Append("**Key points**\n").Append(CoverageFormatter.KeyPointList(question.KeyPoints)).Append("\n\n");
        if (scored.Count == 0)
        {
            text.Append("Nobody answered this one.");
        }
        else
        {
            text.Append("**Coverage**\n");
            var line = 0;
            foreach (var (answer, _, coverage) in CoverageOrder(scored))
            {
                text.Append(++line).Append(". ").Append(CoverageFormatter.Line($"<@{answer.UserId.ToString(CultureInfo.InvariantCulture)}>", coverage, 1000)).Append('\n');
            }
        }

        return MarkdownChunker.Split(text.ToString(), DescriptionLimit);
    }

    private static IEnumerable<(Answer Answer, string Text, CoverageResult Coverage)> CoverageOrder(List<(Answer Answer, string Text, CoverageResult Coverage)> scored) =>
        scored.OrderByDescending(s => s.Coverage.Covered).ThenBy(s => s.Answer.CreatedAt).ThenBy(s => s.Answer.AnswerId);

    private Task<Message> PostAsync(Snowflake thread, Prompt prompt, int sequence, Embed embed, CancellationToken cancellationToken, IReadOnlyList<Component>? components = null) =>
        rest.CreateMessageAsync(thread, new MessageCreate
        {
            Embeds = [embed],
            Components = components,
            Nonce = $"rv{prompt.PromptId}.{sequence}",
            EnforceNonce = true,
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revealed prompt {PromptId}")]
    private static partial void LogRevealed(ILogger logger, long promptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue reveal of prompt {PromptId} failed; it stays due")]
    private static partial void LogOverdueRevealFailed(ILogger logger, Exception exception, long promptId);
}
