using System.Collections.Concurrent;
using System.Threading.Channels;
using InterviewBot.Configuration;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Features.Answers;

/// <summary>
/// Turns members' messages in prompt threads into answers: each message is a part of that member's answer, edits
/// update it, deletes remove it, bot and system messages are ignored, and messages after the reveal are kept as late.
/// The first message of each member's answer gets a reaction (from a background queue, so Discord's reaction rate
/// limit never slows ingestion). Thread checkpoints (for back-fill after downtime) are advanced in batches.
/// </summary>
public sealed partial class AnswerCollector(
    OpenThreads threads,
    IAnswerStore answers,
    IThreadCheckpointStore checkpoints,
    ErasedMembers erased,
    IDiscordRestClient rest,
    IOptions<InterviewBotOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<AnswerCollector> logger)
{
    private readonly ConcurrentDictionary<(long PromptId, ulong UserId), byte> _acknowledged = new();
    private readonly ConcurrentDictionary<ulong, (ulong GuildId, long PromptId, ulong LastMessageId)> _pendingCheckpoints = new();
    private readonly System.Threading.Channels.Channel<(Snowflake Channel, Snowflake Message)> _reactions =
        System.Threading.Channels.Channel.CreateBounded<(Snowflake, Snowflake)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<(Snowflake Channel, Snowflake Message)> PendingReactions => _reactions.Reader;

    public async Task OnMessageCreatedAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsMemberAnswer(message) || message.GuildId is null || !threads.TryGet(message.ChannelId.Value, out var thread))
        {
            return;
        }

        await StoreAsync(thread, message.Author.Id.Value, message.Id.Value, message.Content, message.Timestamp, cancellationToken).ConfigureAwait(false);
        if (!thread.Revealed && _acknowledged.TryAdd((thread.PromptId, message.Author.Id.Value), 0) && options.Value.AnswerReaction.Length > 0)
        {
            _reactions.Writer.TryWrite((message.ChannelId, message.Id));
        }
    }

    public async Task OnMessageUpdatedAsync(PartialMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Content is null || message.Author is not { } author || author.Bot == true
            || !threads.TryGet(message.ChannelId.Value, out var thread))
        {
            return;
        }

        await StoreAsync(thread, author.Id.Value, message.Id.Value, message.Content, message.EditedTimestamp ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task OnMessageDeletedAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken)
    {
        if (threads.TryGet(channelId.Value, out _))
        {
            await answers.SoftDeletePartAsync(messageId.Value, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores a message found by back-fill (idempotent: the same text again changes nothing).</summary>
    public Task IngestBackfilledAsync(ThreadPrompt thread, Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(message);
        return IsMemberAnswer(message)
            ? StoreAsync(thread, message.Author.Id.Value, message.Id.Value, message.Content, message.EditedTimestamp ?? message.Timestamp, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Writes the newest message id seen per thread; called periodically and at shutdown.</summary>
    public async Task FlushCheckpointsAsync(CancellationToken cancellationToken)
    {
        foreach (var threadId in _pendingCheckpoints.Keys)
        {
            if (_pendingCheckpoints.TryRemove(threadId, out var pending))
            {
                await checkpoints.AdvanceAsync(threadId, pending.GuildId, pending.PromptId, pending.LastMessageId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds the queued acknowledgement reactions; a failed reaction is logged, never retried into a loop.</summary>
    public async Task RunReactionsAsync(CancellationToken cancellationToken)
    {
        await foreach (var (channel, message) in _reactions.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            using var scope = logger.BeginMessageScope(null, channel.Value, message.Value);
            try
            {
                await rest.CreateReactionAsync(channel, message, options.Value.AnswerReaction, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException e)
            {
                LogReactionFailed(logger, e, message.Value);
            }
        }
    }

    // No guild_id test here: Discord's REST message objects (what back-fill reads) never carry one; the thread's prompt
    // says which guild it is.
    private static bool IsMemberAnswer(Message message) =>
        message.Author.Bot != true
        && message.WebhookId is null
        && message.Type is MessageType.Default or MessageType.Reply;

    private async Task StoreAsync(ThreadPrompt thread, ulong userId, ulong messageId, string content, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(content)
            || await erased.IsErasedAsync(thread.GuildId, userId, messageId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            [LogScopes.GuildId] = thread.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LogScopes.ChannelId] = thread.ThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LogScopes.PromptId] = thread.PromptId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await answers.UpsertPartAsync(new AnswerPartWrite
        {
            PromptId = thread.PromptId,
            GuildId = thread.GuildId,
            UserId = userId,
            MessageId = messageId,
            Content = content,
            WrittenAt = writtenAt,
            IsLate = thread.Revealed,
        }, cancellationToken).ConfigureAwait(false);
        metrics.AnswersStored.Add(1, new KeyValuePair<string, object?>("late", thread.Revealed));
        LogStored(logger, messageId, userId, thread.Revealed);
        _pendingCheckpoints.AddOrUpdate(
            thread.ThreadId,
            (thread.GuildId, thread.PromptId, messageId),
            (_, old) => old.LastMessageId >= messageId ? old : (thread.GuildId, thread.PromptId, messageId));
    }

    // Ids only: the answer's text never goes to the log.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored answer message {MessageId} of member {UserId} (late: {Late})")]
    private static partial void LogStored(ILogger logger, ulong messageId, ulong userId, bool late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not react to answer message {MessageId}")]
    private static partial void LogReactionFailed(ILogger logger, Exception exception, ulong messageId);
}
