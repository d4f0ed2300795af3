using System.Globalization;
using InterviewBot.Core.Digest;
using InterviewBot.Core.Scheduling;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Questions;
using InterviewBot.Features.Review;
using InterviewBot.Features.Stats;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Digest;

/// <summary>
/// The weekly digest (<see cref="WeeklyDigestBuilder"/>): the week's questions with participation and the
/// highest-scored answer (linked), top reviewers and totals, posted as one embed in the digest channel, mentioning nobody.
/// </summary>
public sealed partial class DigestService(
    IGuildSettingsStore settings,
    IReviewActivityStore activity,
    QuestionCatalog catalog,
    DigestScheduler scheduler,
    IDiscordRestClient rest,
    ILogger<DigestService> logger)
{
    private const int DigestColor = 0xEB459E;

    /// <summary>Runs a fired digest: posts it when the guild still wants it, then schedules the next one.</summary>
    public async Task RunAsync(ulong guildId, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var guild = await settings.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (!guild.DigestEnabled || ScheduleOf(guild) is not { } schedule)
        {
            return;
        }

        await PostAsync(guild, schedule, fireTime, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleAsync(guildId, schedule, fireTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts the digest of the week reported at <paramref name="fireTime"/>; false when there was nothing to post.</summary>
    public async Task<bool> PostAsync(GuildSettings guild, DigestSchedule schedule, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(guild);
        ArgumentNullException.ThrowIfNull(schedule);
        if (guild.DigestChannelId is not { } channel)
        {
            return false;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            [LogScopes.GuildId] = guild.GuildId.ToString(CultureInfo.InvariantCulture),
            [LogScopes.ChannelId] = channel.ToString(CultureInfo.InvariantCulture),
        });

        var digest = await BuildAsync(guild.GuildId, schedule.WeekReported(fireTime), schedule.Zone, cancellationToken).ConfigureAwait(false);
        if (digest.IsEmpty)
        {
            LogQuietWeek(logger, guild.GuildId, digest.WeekStart);
            return false;
        }

        try
        {
            await rest.CreateMessageAsync(new Snowflake(channel), new MessageCreate
            {
                Embeds = [new Embed { Title = "Weekly digest", Description = WeeklyDigestBuilder.RenderMarkdown(digest), Color = DigestColor }],
                AllowedMentions = AllowedMentions.None,
                // A retried job does not post the same week twice.
                Nonce = string.Create(CultureInfo.InvariantCulture, $"dg{digest.WeekStart.DayNumber}"),
                EnforceNonce = true,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            // The channel is gone or closed to the bot: retrying will not help, the next week will try again.
            LogDigestRefused(logger, e, guild.GuildId, channel);
            return false;
        }

        return true;
    }

    /// <summary>The digest of the week starting on <paramref name="weekStart"/> (a Monday in <paramref name="zone"/>).</summary>
    public async Task<WeeklyDigest> BuildAsync(ulong guildId, DateOnly weekStart, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var since = Core.Stats.LeaderboardPeriods.LocalMidnight(weekStart, zone);
        var until = Core.Stats.LeaderboardPeriods.LocalMidnight(weekStart.AddDays(7), zone);
        var prompts = await activity.ListPromptsAsync(guildId, since, until, cancellationToken).ConfigureAwait(false);
        var promptIds = prompts.Select(p => p.PromptId).ToHashSet();
        // The week's prompts' answers only (late ones included), not every answer of the guild since the week began.
        var answers = await activity.ListPromptAnswersAsync(promptIds, since, cancellationToken).ConfigureAwait(false);
        var allReviews = await activity.ListReviewsAsync(guildId, since, null, cancellationToken).ConfigureAwait(false);
        var scores = AnswerScores.Compute(answers, allReviews);
        var guild = guildId.ToString(CultureInfo.InvariantCulture);

        var digestPrompts = new List<DigestPrompt>();
        foreach (var prompt in prompts)
        {
            var question = await catalog.FindAsync(guildId, prompt.QuestionId, cancellationToken).ConfigureAwait(false);
            var thread = $"https://discord.com/channels/{guild}/{(prompt.ThreadId ?? prompt.ChannelId).ToString(CultureInfo.InvariantCulture)}";
            digestPrompts.Add(new DigestPrompt(prompt.PromptId, prompt.QuestionId, question?.Prompt ?? prompt.QuestionId, thread, prompt.PostedAt));
        }

        var digestAnswers = answers
            .Where(a => scores.ContainsKey(a.AnswerId))
            .Select(a =>
            {
                var thread = $"https://discord.com/channels/{guild}/{(a.ThreadId ?? a.ChannelId).ToString(CultureInfo.InvariantCulture)}";
                // A private (blind-mode) answer has no message of its own: link the thread where it was revealed.
                var link = !a.IsPrivate && a.FirstMessageId is { } message ? $"{thread}/{message.ToString(CultureInfo.InvariantCulture)}" : thread;
                return new DigestAnswer(a.PromptId, a.UserId, scores[a.AnswerId], link, a.CreatedAt);
            });
        var weekReviews = allReviews.Where(r => r.CreatedAt < until).Select(r => new DigestReview(r.ReviewerId));
        return WeeklyDigestBuilder.Build(weekStart, zone, digestPrompts, digestAnswers, weekReviews);
    }

    public static DigestSchedule? ScheduleOf(GuildSettings guild)
    {
        ArgumentNullException.ThrowIfNull(guild);
        return IanaTimeZones.Parse(guild.DigestTimeZone) is { Success: true } zone
            ? new DigestSchedule(guild.DigestWeekday, guild.DigestLocalTime, zone.Value!)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guild {GuildId} had a quiet week from {WeekStart}: no digest posted")]
    private static partial void LogQuietWeek(ILogger logger, ulong guildId, DateOnly weekStart);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guild {GuildId}'s digest channel {ChannelId} refused the digest")]
    private static partial void LogDigestRefused(ILogger logger, Exception exception, ulong guildId, ulong channelId);
}
