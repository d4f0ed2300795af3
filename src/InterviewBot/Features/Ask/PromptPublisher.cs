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
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var revealAt = request.RevealAfter is { } delay ? now + delay : (DateTimeOffset?)null;
        var guildSettings = await settings.GetAsync(request.GuildId, cancellationToken).ConfigureAwait(false);

        var message = await rest.CreateMessageAsync(new Snowflake(request.ChannelId), new MessageCreate
        {
            Content = request.PingRoleId is { } role ? $"<@&{role}>" : null,
            AllowedMentions = request.PingRoleId is { } pinged ? AllowedMentions.OnlyRoles(new Snowflake(pinged)) : null,
            Embeds = [QuestionMessages.QuestionEmbed(request.Question, revealAt, note: request.Note)],
            Components = QuestionMessages.QuestionButtons(revealed: false),
            Nonce = request.Nonce,
            EnforceNonce = request.Nonce is null ? null : true,
        }, cancellationToken).ConfigureAwait(false);

        var prompt = await prompts.TryCreateAsync(new Prompt
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
        }, cancellationToken).ConfigureAwait(false)
            ?? await prompts.FindByMessageAsync(message.Id.Value, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"prompt for message {message.Id} could not be stored");

        prompt = await EnsureThreadAsync(prompt, request.Question, guildSettings.BlindMode, cancellationToken).ConfigureAwait(false);
        await usage.RecordAsync(request.GuildId, request.ScheduleId, request.Question.Id, now, cancellationToken).ConfigureAwait(false);
        if (revealAt is { } at)
        {
            await revealScheduler.ScheduleAsync(prompt.PromptId, at, cancellationToken).ConfigureAwait(false);
        }

        metrics.PostsMade.Add(1, new KeyValuePair<string, object?>("source", request.Source.ToString()));
        LogPosted(logger, prompt.PromptId, request.Question.Id, request.GuildId, request.ChannelId);
        return prompt;
    }

    /// <summary>Creates the prompt's thread if it has none yet (also used to finish a post interrupted by a crash).</summary>
    public async Task<Prompt> EnsureThreadAsync(Prompt prompt, Core.Questions.Question question, bool blindMode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(question);
        if (prompt.ThreadId is null)
        {
            Channel thread;
            try
            {
                thread = await rest.StartThreadFromMessageAsync(
                    new Snowflake(prompt.ChannelId), new Snowflake(prompt.MessageId), QuestionMessages.ThreadName(question), AutoArchiveMinutes, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException e) when (e.Code == 160004)
            {
                // The thread already exists (created before a crash); a message's thread has the message's id.
                thread = await rest.GetChannelAsync(new Snowflake(prompt.MessageId), cancellationToken).ConfigureAwait(false);
            }

            await prompts.SetThreadAsync(prompt.PromptId, thread.Id.Value, cancellationToken).ConfigureAwait(false);
            prompt = prompt with { ThreadId = thread.Id.Value };
            if (blindMode)
            {
                // Blind mode: answers go through the private modal; the thread opens for discussion at the reveal.
                await rest.ModifyChannelAsync(thread.Id, new ChannelModify { Locked = true }, cancellationToken).ConfigureAwait(false);
            }
        }

        openThreads.Open(prompt);
        return prompt;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted prompt {PromptId} (question {QuestionId}) in guild {GuildId}, channel {ChannelId}")]
    private static partial void LogPosted(ILogger logger, long promptId, string questionId, ulong guildId, ulong channelId);
}
