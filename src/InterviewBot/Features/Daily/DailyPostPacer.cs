using InterviewBot.Discord;
using Microsoft.Extensions.Options;

namespace InterviewBot.Features.Daily;

/// <summary>
/// Spreads daily posts that share a fire time: each post takes the next free slot, slots <c>1 / PostsPerSecond</c>
/// apart, so a thousand servers at 09:00 become a steady stream instead of a burst of 429s. The pace follows the
/// client's global REST budget (<see cref="DailyPacing"/>); the REST client's rate limiter stays the backstop, not the plan.
/// </summary>
public sealed class DailyPostPacer(IOptions<DailyOptions> options, IOptions<DiscordClientOptions> discord, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / Math.Max(0.01, DailyPacing.From(options.Value, discord.Value).PostsPerSecond));
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + _interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
