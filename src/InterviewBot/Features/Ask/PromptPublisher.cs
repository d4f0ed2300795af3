using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Answers;
using InterviewBot.Features.Reveal;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Ask;

/// <summary>
/// Posts a question: the message with its buttons, the prompt record, the thread the answers go to, the usage record
/// (for no repeats) and the reveal trigger. The prompt is stored right after the message exists, so a crash later
/// leaves a prompt that start-up can finish rather than an orphan message.
/// </summary>
public sealed partial class PromptPublisher(
    IDiscordRestClient rest,
    IPromptStore prompts,
    IQuestionUsageStore usage,
    IGuildSettingsStore settings,
    RevealScheduler revealScheduler,
    OpenThreads openThreads,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<PromptPublisher> logger)
{
    /// <summary>Threads stay open for a week of inactivity; the reveal posts into them.</summary>
    private const int AutoArchiveMinutes = 10080;

    public async Task<Prompt> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var (prompt, _) = await PostAndRecordAsync(request, cancellationToken).ConfigureAwait(false);
        return await FinishPostAsync(prompt, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the question and stores its prompt; <c>Created</c> is false when the prompt existed already (a resend with
    /// the same nonce got the first message back, and someone stored it before).
    /// </summary>
    public async Task<(Prompt Prompt, bool Created)> PostAndRecordAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = request.PostedAt ?? time.GetUtcNow();
        var revealAt = request.RevealAfter is { } delay ? now + delay : (DateTimeOffset?)null;
        var message = await SendQuestionAsync(request, revealAt, cancellationToken).ConfigureAwait(false);

        var created = await prompts.TryCreateAsync(new Prompt
        {
            GuildId = request.GuildId,
            ChannelId = request.ChannelId,
            MessageId = message.Id.Value,
            QuestionId = request.Question.Id,
            Source = request.Source,
            AskedBy = request.AskedBy,
            PostedAt = now,
            RevealAt = revealAt,
            LocalDate = request.LocalDate,
            ScheduleId = request.ScheduleId,
        }, cancellationToken).ConfigureAwait(false);
        if (created is not null)
        {
            return (created, true);
        }

        var existing = await prompts.FindByMessageAsync(message.Id.Value, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"prompt for message {message.Id} could not be stored");
        return (existing, false);
    }

    /// <summary>The steps after the prompt: thread (opened or adopted), then usage and the reveal trigger.</summary>
    public async Task<Prompt> FinishPostAsync(Prompt prompt, PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(request);
        var guildSettings = await settings.GetAsync(request.GuildId, cancellationToken).ConfigureAwait(false);
        using var scope = logger.BeginPromptScope(prompt);
        prompt = await EnsureThreadAsync(prompt, request.Question, guildSettings.BlindMode, cancellationToken).ConfigureAwait(false);
        await FinishAsync(prompt, request, cancellationToken).ConfigureAwait(false);
        return prompt;
    }

    /// <summary>
    /// Step 1 of a post: the question message with its buttons (and the optional role ping, the only mention the bot
    /// makes). With a nonce, Discord returns the first message for a retried send instead of posting again.
    /// </summary>
    public Task<Message> SendQuestionAsync(PublishRequest request, DateTimeOffset? revealAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return rest.CreateMessageAsync(new Snowflake(request.ChannelId), new MessageCreate
        {
            Content = request.PingRoleId is { } role ? $"<@&{role}>" : null,
            AllowedMentions = request.PingRoleId is { } pinged ? AllowedMentions.OnlyRoles(new Snowflake(pinged)) : null,
            Embeds = [QuestionMessages.QuestionEmbed(request.Question, revealAt, note: request.Note)],
            Components = QuestionMessages.QuestionButtons(revealed: false),
            Nonce = request.Nonce,
            EnforceNonce = request.Nonce is null ? null : true,
        }, cancellationToken);
    }

    /// <summary>
    /// Step 2: the public thread under the question message. Idempotent: when the thread already exists (created
    /// before a crash) it is fetched instead; in blind mode it is locked until the reveal.
    /// </summary>
    public async Task<Channel> OpenThreadAsync(ulong channelId, ulong messageId, Core.Questions.Question question, bool blindMode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        Channel thread;
        try
        {
            thread = await rest.StartThreadFromMessageAsync(
                new Snowflake(channelId), new Snowflake(messageId), QuestionMessages.ThreadName(question), AutoArchiveMinutes, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.Code == 160004)
        {
            // The thread already exists (created before a crash); a message's thread has the message's id.
            thread = await rest.GetChannelAsync(new Snowflake(messageId), cancellationToken).ConfigureAwait(false);
        }

        if (blindMode)
        {
            // Blind mode: answers go through the private modal; the thread opens for discussion at the reveal.
            await rest.ModifyChannelAsync(thread.Id, new ChannelModify { Locked = true }, cancellationToken).ConfigureAwait(false);
        }

        return thread;
    }

    /// <summary>Step 3, once message, prompt and thread exist: collect answers, record the use, schedule the reveal.</summary>
    public async Task FinishAsync(Prompt prompt, PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(request);
        using var scope = logger.BeginPromptScope(prompt);
        openThreads.Open(prompt);
        await usage.RecordAsync(request.GuildId, request.ScheduleId, request.Question.Id, prompt.PostedAt, cancellationToken).ConfigureAwait(false);
        if (prompt.RevealAt is { } at)
        {
            await revealScheduler.ScheduleAsync(prompt.PromptId, at, cancellationToken).ConfigureAwait(false);
        }

        metrics.PostsMade.Add(1, new KeyValuePair<string, object?>("source", request.Source.ToString()));
        LogPosted(logger, prompt.PromptId, request.Question.Id, request.GuildId, request.ChannelId);
    }

    /// <summary>Creates the prompt's thread if it has none yet (also used to finish a post interrupted by a crash).</summary>
    public async Task<Prompt> EnsureThreadAsync(Prompt prompt, Core.Questions.Question question, bool blindMode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(question);
        if (prompt.ThreadId is null)
        {
            var thread = await OpenThreadAsync(prompt.ChannelId, prompt.MessageId, question, blindMode, cancellationToken).ConfigureAwait(false);
            await prompts.SetThreadAsync(prompt.PromptId, thread.Id.Value, cancellationToken).ConfigureAwait(false);
            prompt = prompt with { ThreadId = thread.Id.Value };
        }

        openThreads.Open(prompt);
        return prompt;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted prompt {PromptId} (question {QuestionId}) in guild {GuildId}, channel {ChannelId}")]
    private static partial void LogPosted(ILogger logger, long promptId, string questionId, ulong guildId, ulong channelId);
}
