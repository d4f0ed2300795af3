using System.Collections.Concurrent;
using System.Globalization;
using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Practice.Discord;
using InterviewBot.Features.Questions;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Interview;

/// <summary>
/// Runs mock interviews: opens the member's thread, asks one question at a time with a persistent deadline, scores the
/// answer when the member presses Done or time runs out, gives feedback (now or at the end), and ends with a summary.
/// The answer is read back from the thread through REST when the question ends (every message of the member's after
/// the question), so edits and deletions count and messages posted while the bot was down are not lost. The session's
/// index is the claim: whichever of Done, Skip, the deadline or a restart advances it first ends the question, once.
/// </summary>
public sealed partial class InterviewService(
    IInterviewSessionStore sessions,
    IInterviewProgressStore progress,
    ISpacedRepetitionStore repetition,
    QuestionCatalog catalog,
    QuestionSelector selector,
    KeyPointScorer scorer,
    RecallRecorder recall,
    InterviewDeadlineScheduler deadlines,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<InterviewService> logger)
{
    public const int MinQuestions = 3;
    public const int MaxQuestions = 10;
    public const int DefaultQuestions = 5;
    public const int DefaultMinutes = 5;
    public const int MaxMinutes = 60;

    private const int PageSize = 100;
    private const int ThreadArchiveMinutes = 1440;

    // One operation per session at a time in this process: a Done pressed the instant the next question appears must
    // wait until that question is recorded, and Done, Skip, Stop and the deadline never interleave their writes.
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _sessionGates = new();

    public async Task<InterviewStartResult> StartAsync(InterviewStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var active = await sessions.FindActiveAsync(request.GuildId, request.UserId, cancellationToken).ConfigureAwait(false);
        if (active is not null)
        {
            return new InterviewStartResult(null, active, null, false);
        }

        var categories = InterviewTracks.Categories(request.Track, catalog.Bank);
        if (categories is null)
        {
            return new InterviewStartResult(null, null, $"There is no track or category called `{request.Track}`. Start typing to see the tracks.", false);
        }

        var questions = await PickQuestionsAsync(request, categories, cancellationToken).ConfigureAwait(false);
        if (questions.Count == 0)
        {
            return new InterviewStartResult(null, null, $"No question is available for the `{request.Track}` track in this server.", false);
        }

        var (thread, publicThread) = await OpenThreadAsync(request, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var session = await sessions.TryStartAsync(request.GuildId, request.UserId, thread.Id.Value, [.. questions.Select(q => q.Id)], now, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            // Two starts raced; the other one won. The thread we opened stays empty but says why.
            await rest.CreateMessageAsync(thread.Id, new MessageCreate { Content = "Another interview of yours started at the same moment; continue in that one." }, cancellationToken).ConfigureAwait(false);
            var winner = await sessions.FindActiveAsync(request.GuildId, request.UserId, cancellationToken).ConfigureAwait(false);
            return new InterviewStartResult(null, winner, winner is null ? "Another interview of yours was starting; try again." : null, false);
        }

        var options = new InterviewOptions
        {
            SessionId = session.SessionId,
            Track = request.Track,
            MinutesPerQuestion = request.MinutesPerQuestion,
            FeedbackAtEnd = request.FeedbackAtEnd,
            PublicThread = publicThread,
        };
        await progress.SaveOptionsAsync(options, cancellationToken).ConfigureAwait(false);
        var intro = string.Create(
            CultureInfo.InvariantCulture,
            $"Mock interview, track **{request.Track}**: {questions.Count} questions, {request.MinutesPerQuestion} minutes each. ")
            + (request.FeedbackAtEnd ? "Feedback comes at the end. " : "You get feedback after each answer. ")
            + "Use **Skip** to pass on a question and **Stop** (or `/interview stop`) to end early.";
        if (publicThread)
        {
            intro += "\n⚠️ This server does not allow private threads, so this interview runs in a public thread that others can read.";
        }

        await rest.CreateMessageAsync(thread.Id, new MessageCreate { Content = intro }, cancellationToken).ConfigureAwait(false);
        await WithSessionGateAsync(session.SessionId, () => AskAsync(session, 0, cancellationToken), cancellationToken).ConfigureAwait(false);
        LogStarted(logger, session.SessionId, request.GuildId, questions.Count);
        return new InterviewStartResult(session, null, null, publicThread);
    }

    /// <summary>Ends question <paramref name="index"/> of the session with the given outcome and moves on.</summary>
    public Task<EndQuestionResult> EndQuestionAsync(long sessionId, int index, InterviewQuestionOutcome outcome, CancellationToken cancellationToken) =>
        WithSessionGateAsync(sessionId, () => EndQuestionCoreAsync(sessionId, index, outcome, cancellationToken), cancellationToken);

    private async Task<EndQuestionResult> EndQuestionCoreAsync(long sessionId, int index, InterviewQuestionOutcome outcome, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Status != InterviewSessionStatus.Active || session.CurrentIndex != index)
        {
            return EndQuestionResult.NotCurrent;
        }

        using var scope = logger.BeginSessionScope(session);
        var asked = (await progress.ListQuestionsAsync(sessionId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(q => q.QuestionIndex == index);
        if (asked is null || asked.EndedAt is not null)
        {
            return EndQuestionResult.NotCurrent;
        }

        var now = time.GetUtcNow();
        string? text = null;
        if (outcome != InterviewQuestionOutcome.Skipped)
        {
            text = await ReadAnswerAsync(session, asked, outcome == InterviewQuestionOutcome.Expired ? asked.DeadlineAt : null, cancellationToken).ConfigureAwait(false);
            if (outcome == InterviewQuestionOutcome.Answered && text.Length == 0)
            {
                return EndQuestionResult.NothingWritten;
            }
        }

        if (!await sessions.TryAdvanceAsync(sessionId, index, index + 1, now, cancellationToken).ConfigureAwait(false))
        {
            return EndQuestionResult.NotCurrent;
        }

        var question = await catalog.FindAsync(session.GuildId, asked.QuestionId, cancellationToken).ConfigureAwait(false);
        var endedAt = outcome == InterviewQuestionOutcome.Expired && asked.DeadlineAt < now ? asked.DeadlineAt : now;
        InterviewResult result;
        CoverageResult? coverage = null;
        if (text is not null && question is not null)
        {
            coverage = scorer.Score(question, text);
            var (reviewId, _) = await recall.RecordAsync(session.GuildId, session.UserId, question.Id, Sm2Scheduler.GradeFromCoverage(coverage.Percent), now, cancellationToken).ConfigureAwait(false);
            result = new InterviewResult(outcome, endedAt, text, [.. coverage.Points.Where(p => p.Covered).Select(p => p.KeyPoint.Label)], coverage.Covered, coverage.Total, reviewId);
        }
        else
        {
            result = new InterviewResult(outcome, endedAt, text, null, null, null, null);
        }

        await progress.RecordResultAsync(sessionId, index, result, cancellationToken).ConfigureAwait(false);
        await DisableButtonsAsync(session, asked, cancellationToken).ConfigureAwait(false);

        var options = await progress.GetOptionsAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (coverage is not null && question is not null && options?.FeedbackAtEnd != true)
        {
            var ended = AsEnded(asked, result);
            await rest.CreateMessageAsync(new Snowflake(session.ChannelId), InterviewMessages.Feedback(session, ended, question, coverage), cancellationToken).ConfigureAwait(false);
        }

        if (index + 1 < session.QuestionIds.Count)
        {
            var current = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (current is { Status: InterviewSessionStatus.Active })
            {
                await AskAsync(current, index + 1, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await FinishAsync(session, InterviewSessionStatus.Finished, cancellationToken).ConfigureAwait(false);
        }

        return EndQuestionResult.Ended;
    }

    /// <summary>Stops the session now: the current question is not scored; the summary covers what was answered.</summary>
    public Task<bool> StopAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return WithSessionGateAsync(session.SessionId, () => StopCoreAsync(session, cancellationToken), cancellationToken);
    }

    private async Task<bool> StopCoreAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = (await progress.ListQuestionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(q => q.EndedAt is null);
        if (!await FinishAsync(session, InterviewSessionStatus.Abandoned, cancellationToken, current, now).ConfigureAwait(false))
        {
            return false;
        }

        LogStopped(logger, session.SessionId);
        return true;
    }

    /// <summary>
    /// After a restart: asks the current question of any active session that has none yet (the process stopped between
    /// two questions). Deadlines need nothing here: their Quartz triggers are persistent and fire late rather than never.
    /// </summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var session in await progress.ListActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            using var scope = logger.BeginSessionScope(session);
            try
            {
                await WithSessionGateAsync(session.SessionId, () => ResumeSessionAsync(session, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException e)
            {
                LogResumeFailed(logger, e, session.SessionId);
            }
        }
    }

    private async Task<bool> ResumeSessionAsync(InterviewSession stale, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(stale.SessionId, cancellationToken).ConfigureAwait(false);
        if (session is not { Status: InterviewSessionStatus.Active })
        {
            return false;
        }

        var asked = await progress.ListQuestionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        if (session.CurrentIndex >= session.QuestionIds.Count)
        {
            await FinishAsync(session, InterviewSessionStatus.Finished, cancellationToken).ConfigureAwait(false);
        }
        else if (asked.All(q => q.QuestionIndex != session.CurrentIndex))
        {
            await AskAsync(session, session.CurrentIndex, cancellationToken).ConfigureAwait(false);
        }
        else if (asked.First(q => q.QuestionIndex == session.CurrentIndex) is { EndedAt: null } open)
        {
            // Re-arm in case the trigger was lost with the scheduler's file; Replace keeps this idempotent.
            await deadlines.ScheduleAsync(session.SessionId, open.QuestionIndex, open.DeadlineAt, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<T> WithSessionGateAsync<T>(long sessionId, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = _sessionGates.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private Task<bool> WithSessionGateAsync(long sessionId, Func<Task> work, CancellationToken cancellationToken) =>
        WithSessionGateAsync(
            sessionId,
            async () =>
            {
                await work().ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private async Task<bool> FinishAsync(InterviewSession session, InterviewSessionStatus status, CancellationToken cancellationToken, InterviewQuestion? stoppedQuestion = null, DateTimeOffset? stoppedAt = null)
    {
        if (!await sessions.EndAsync(session.SessionId, status, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await deadlines.CancelAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        if (stoppedQuestion is not null)
        {
            await progress.RecordResultAsync(session.SessionId, stoppedQuestion.QuestionIndex, new InterviewResult(InterviewQuestionOutcome.Stopped, stoppedAt ?? time.GetUtcNow(), null, null, null, null, null), cancellationToken).ConfigureAwait(false);
            await DisableButtonsAsync(session, stoppedQuestion, cancellationToken).ConfigureAwait(false);
        }

        var ended = (await sessions.GetAsync(session.SessionId, cancellationToken).ConfigureAwait(false)) ?? session with { Status = status };
        var options = await progress.GetOptionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        var asked = await progress.ListQuestionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        var withQuestions = new List<(InterviewQuestion Asked, Question? Question)>();
        foreach (var item in asked)
        {
            withQuestions.Add((item, await catalog.FindAsync(session.GuildId, item.QuestionId, cancellationToken).ConfigureAwait(false)));
        }

        var channel = new Snowflake(session.ChannelId);
        if (options?.FeedbackAtEnd == true)
        {
            foreach (var (item, question) in withQuestions.Where(q => q.Asked.IsScored && q.Question is not null))
            {
                var coverage = scorer.Score(question!, item.AnswerText ?? string.Empty);
                await rest.CreateMessageAsync(channel, InterviewMessages.Feedback(ended, item, question!, coverage), cancellationToken).ConfigureAwait(false);
            }
        }

        var summary = InterviewSummary.Build(withQuestions, options?.Track ?? InterviewTracks.Backend);
        await rest.CreateMessageAsync(channel, new MessageCreate { Embeds = [InterviewMessages.Summary(ended, options, summary)] }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task AskAsync(InterviewSession session, int index, CancellationToken cancellationToken)
    {
        var question = await catalog.FindAsync(session.GuildId, session.QuestionIds[index], cancellationToken).ConfigureAwait(false);
        if (question is null)
        {
            // Removed from the bank or disabled since the start: skip it rather than stall the interview.
            var now = time.GetUtcNow();
            await progress.RecordAskedAsync(new InterviewQuestion { SessionId = session.SessionId, QuestionIndex = index, QuestionId = session.QuestionIds[index], MessageId = 0, AskedAt = now, DeadlineAt = now }, cancellationToken).ConfigureAwait(false);
            await EndQuestionCoreAsync(session.SessionId, index, InterviewQuestionOutcome.Skipped, cancellationToken).ConfigureAwait(false);
            return;
        }

        var options = await progress.GetOptionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        var askedAt = time.GetUtcNow();
        var deadline = askedAt.AddMinutes(options?.MinutesPerQuestion ?? DefaultMinutes);
        var message = await rest.CreateMessageAsync(new Snowflake(session.ChannelId), InterviewMessages.Question(session, index, question, deadline) with
        {
            Nonce = string.Create(CultureInfo.InvariantCulture, $"iv{session.SessionId}.{index}"),
            EnforceNonce = true,
        }, cancellationToken).ConfigureAwait(false);
        var asked = await progress.RecordAskedAsync(new InterviewQuestion
        {
            SessionId = session.SessionId,
            QuestionIndex = index,
            QuestionId = question.Id,
            MessageId = message.Id.Value,
            AskedAt = askedAt,
            DeadlineAt = deadline,
        }, cancellationToken).ConfigureAwait(false);
        await deadlines.ScheduleAsync(session.SessionId, index, asked.DeadlineAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member's messages after the question (up to <paramref name="cutoff"/>), oldest first, as one text.</summary>
    private async Task<string> ReadAnswerAsync(InterviewSession session, InterviewQuestion asked, DateTimeOffset? cutoff, CancellationToken cancellationToken)
    {
        var parts = new List<Message>();
        var after = new Snowflake(asked.MessageId);
        while (true)
        {
            var page = await rest.GetChannelMessagesAsync(new Snowflake(session.ChannelId), after: after, limit: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            parts.AddRange(page.Where(m =>
                m.Author.Id.Value == session.UserId
                && m.Author.Bot != true
                && m.Type is MessageType.Default or MessageType.Reply
                && (cutoff is null || m.Timestamp <= cutoff)));
            if (page.Count < PageSize)
            {
                break;
            }

            after = page.Max(m => m.Id);
        }

        return string.Join("\n\n", parts.OrderBy(m => m.Id.Value).Select(m => m.Content.Trim()).Where(c => c.Length > 0));
    }

    private async Task<IReadOnlyList<Question>> PickQuestionsAsync(InterviewStartRequest request, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        var eligible = await catalog.EligibleAsync(request.GuildId, new QuestionFilter(categories), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();

        // Questions the member reviewed and that are not due yet count as used, so an interview prefers new or due ones.
        var used = (await repetition.ListForMemberAsync(request.GuildId, request.UserId, cancellationToken).ConfigureAwait(false))
            .Where(e => e.State.DueAt > now)
            .Select(e => e.QuestionId)
            .ToHashSet(StringComparer.Ordinal);
        var picked = new List<Question>();
        var recent = new List<string>();
        while (picked.Count < request.QuestionCount)
        {
            var remaining = eligible.Where(q => picked.All(p => p.Id != q.Id)).ToList();
            var selection = selector.Select(remaining, used, recent);
            if (selection is null)
            {
                break;
            }

            picked.Add(selection.Question);
            recent.Insert(0, selection.Question.Category);
        }

        return picked;
    }

    private async Task<(Channel Thread, bool PublicThread)> OpenThreadAsync(InterviewStartRequest request, CancellationToken cancellationToken)
    {
        var name = InterviewMessages.ThreadName(request.MemberName);
        Channel thread;
        var publicThread = false;
        try
        {
            thread = await rest.StartThreadAsync(new Snowflake(request.ChannelId), name, ChannelType.PrivateThread, invitable: false, autoArchiveDurationMinutes: ThreadArchiveMinutes, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.Code is 20035 or 50024 || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            // No private threads here (server boost level, or the bot may only create public ones): say so in the thread.
            thread = await rest.StartThreadAsync(new Snowflake(request.ChannelId), name, ChannelType.PublicThread, autoArchiveDurationMinutes: ThreadArchiveMinutes, cancellationToken: cancellationToken).ConfigureAwait(false);
            publicThread = true;
        }

        await rest.AddThreadMemberAsync(thread.Id, new Snowflake(request.UserId), cancellationToken).ConfigureAwait(false);
        return (thread, publicThread);
    }

    private async Task DisableButtonsAsync(InterviewSession session, InterviewQuestion asked, CancellationToken cancellationToken)
    {
        if (asked.MessageId == 0)
        {
            return;
        }

        try
        {
            await rest.EditMessageAsync(new Snowflake(session.ChannelId), new Snowflake(asked.MessageId), new MessageEdit
            {
                Components = [InterviewMessages.Buttons(session.SessionId, asked.QuestionIndex, disabled: true)],
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            // Cosmetic only: stale buttons are refused by the index check anyway.
            LogDisableFailed(logger, e, session.SessionId);
        }
    }

    private static InterviewQuestion AsEnded(InterviewQuestion asked, InterviewResult result) => asked with
    {
        EndedAt = result.EndedAt,
        Outcome = result.Outcome,
        AnswerText = result.AnswerText,
        CoveredKeyPoints = result.CoveredKeyPoints,
        CoveredCount = result.CoveredCount,
        KeyPointCount = result.KeyPointCount,
        ReviewId = result.ReviewId,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId} started in guild {GuildId} with {Count} questions")]
    private static partial void LogStarted(ILogger logger, long sessionId, ulong guildId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId} stopped by the member")]
    private static partial void LogStopped(ILogger logger, long sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not disable the buttons of interview {SessionId}")]
    private static partial void LogDisableFailed(ILogger logger, Exception exception, long sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume interview {SessionId}")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, long sessionId);
}
