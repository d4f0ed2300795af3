using System.Collections.Concurrent;
using InterviewBot.Storage;

namespace InterviewBot.Features.Answers;

/// <summary>
/// The threads whose messages are answers, by thread id, so the hot path (every MESSAGE_CREATE) costs one dictionary
/// lookup. Loaded from the store at start-up, updated when prompts are posted and revealed. Threads of revealed
/// prompts stay known, so late answers are kept and marked late.
/// </summary>
public sealed class OpenThreads
{
    private readonly ConcurrentDictionary<ulong, ThreadPrompt> _byThread = new();

    public int Count => _byThread.Count;

    public void Open(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.ThreadId is { } thread)
        {
            _byThread[thread] = new ThreadPrompt(prompt.PromptId, prompt.GuildId, thread, prompt.RevealingAt is not null || prompt.RevealedAt is not null);
        }
    }

    public void MarkRevealed(ulong threadId)
    {
        if (_byThread.TryGetValue(threadId, out var entry))
        {
            _byThread[threadId] = entry with { Revealed = true };
        }
    }

    public bool TryGet(ulong threadId, out ThreadPrompt prompt) => _byThread.TryGetValue(threadId, out prompt!);

    public IReadOnlyCollection<ThreadPrompt> All => [.. _byThread.Values];
}

/// <summary>A prompt's thread as the answer collector needs it.</summary>
public sealed record ThreadPrompt(long PromptId, ulong GuildId, ulong ThreadId, bool Revealed);
