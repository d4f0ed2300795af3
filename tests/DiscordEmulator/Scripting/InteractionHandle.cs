using DiscordEmulator.State;

namespace DiscordEmulator.Scripting;

/// <summary>An interaction a scripted member started; await the bot's response and the messages it produced.</summary>
public sealed class InteractionHandle
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly EmulatorState _state;
    private readonly InteractionState _interaction;

    internal InteractionHandle(EmulatorState state, InteractionState interaction)
    {
        _state = state;
        _interaction = interaction;
    }

    public ulong Id => _interaction.Id;

    public string Token => _interaction.Token;

    /// <summary>Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit.</summary>
    public int Type => _interaction.Type;

    public ulong ChannelId => _interaction.ChannelId;

    /// <summary>Completes when the bot calls the interaction callback (with its type, data and latency).</summary>
    public Task<InteractionResponse> ResponseTask => _interaction.Response.Task;

    public Task<InteractionResponse> WaitForResponseAsync(TimeSpan? timeout = null) => ResponseTask.WaitAsync(timeout ?? DefaultTimeout);

    /// <summary>The original response message (type 4/5 callbacks, or the component's message for 6/7).</summary>
    public EmulatedMessage? OriginalMessage
    {
        get
        {
            lock (_state.Gate)
            {
                return _interaction.OriginalMessageId is { } id && _state.Messages.TryGetValue(id, out var m) ? m : null;
            }
        }
    }

    public IReadOnlyList<EmulatedMessage> Followups
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _interaction.FollowupIds.Select(id => _state.Messages[id])];
            }
        }
    }

    /// <summary>
    /// Waits for a finished (not loading) message that answers this interaction: the original response, its edit,
    /// or a followup, matching <paramref name="predicate"/> if given.
    /// </summary>
    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool>? predicate = null, TimeSpan? timeout = null) =>
        _state.WaitForMessageAsync(m => m.InteractionId == Id && (m.Flags & 128) == 0 && (predicate?.Invoke(m) ?? true))
            .WaitAsync(timeout ?? DefaultTimeout);
}
