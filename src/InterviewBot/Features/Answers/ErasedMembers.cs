using System.Collections.Concurrent;
using InterviewBot.Discord.Entities;
using InterviewBot.Storage;

namespace InterviewBot.Features.Answers;

/// <summary>
/// Members who asked for their data to be deleted (<c>/privacy delete</c>). Their messages stay in Discord, so without
/// this the next back-fill (or an edit of an old message) would store the erased answers again. A message written
/// before the erasure is never stored; one written after it is a new answer. Loaded once, then kept in memory, so the
/// answer hot path is one dictionary lookup.
/// </summary>
public sealed class ErasedMembers(IMemberErasureStore store, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(ulong GuildId, ulong UserId), DateTimeOffset> _erased = new();
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile bool _loaded;

    public async ValueTask<bool> IsErasedAsync(ulong guildId, ulong userId, ulong messageId, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        return _erased.TryGetValue((guildId, userId), out var erasedAt) && new Snowflake(messageId).CreatedAt <= erasedAt;
    }

    /// <summary>Records the erasure (before the data is deleted, so nothing ingested afterwards slips back in).</summary>
    public async Task EraseAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await store.RecordAsync(guildId, userId, now, cancellationToken).ConfigureAwait(false);
        _erased.AddOrUpdate((guildId, userId), now, (_, old) => old > now ? old : now);
    }

    private async ValueTask EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_loaded)
            {
                foreach (var erasure in await store.ListAsync(cancellationToken).ConfigureAwait(false))
                {
                    _erased[(erasure.GuildId, erasure.UserId)] = erasure.ErasedAt;
                }

                _loaded = true;
            }
        }
        finally
        {
            _loadLock.Release();
        }
    }

    public void Dispose() => _loadLock.Dispose();
}
