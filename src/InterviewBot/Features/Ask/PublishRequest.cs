using InterviewBot.Core.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Ask;

/// <summary>What to post where: shared by /ask and the daily schedules.</summary>
public sealed record PublishRequest(ulong GuildId, ulong ChannelId, Question Question, PromptSource Source)
{
    public ulong? AskedBy { get; init; }

    /// <summary>Null reveals only on request.</summary>
    public TimeSpan? RevealAfter { get; init; }

    public long? ScheduleId { get; init; }

    public DateOnly? LocalDate { get; init; }

    /// <summary>The only mention the bot ever makes: a schedule's configured role.</summary>
    public ulong? PingRoleId { get; init; }

    /// <summary>Makes a retried post return the first message instead of posting twice (Discord's enforce_nonce).</summary>
    public string? Nonce { get; init; }

    public string? Note { get; init; }

    /// <summary>When the post started; null means now. A recovered post keeps its original time (and reveal time).</summary>
    public DateTimeOffset? PostedAt { get; init; }
}
