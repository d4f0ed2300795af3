using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Features.Interactions;

/// <summary>
/// One interaction being handled: who, where, and the ways to answer it. It remembers whether the initial response
/// was sent, so <see cref="ReplyAsync(string, bool)"/> does the right thing before and after a deferral. Responses are
/// serialised: the dispatcher's deadline guard may defer on the handler's behalf while the handler is still working.
/// </summary>
public sealed class InteractionContext(Interaction interaction, IDiscordRestClient rest) : IDisposable
{
    private readonly SemaphoreSlim _responding = new(1, 1);
    private ResponseState _state;

    private enum ResponseState
    {
        None,

        /// <summary>"Thinking…": the reply will be the deferred response's content.</summary>
        Deferred,

        /// <summary>A component acknowledged without a visible reply: its message may be edited, a reply is a followup.</summary>
        DeferredUpdate,

        Responded,
    }

    public Interaction Interaction => interaction;

    public IDiscordRestClient Rest => rest;

    public InteractionData Data => interaction.Data ?? new InteractionData();

    public ulong GuildId => interaction.GuildId?.Value ?? 0;

    public bool InGuild => interaction.GuildId is not null;

    public ulong ChannelId => interaction.ChannelId?.Value ?? interaction.Channel?.Id.Value ?? 0;

    public User User => interaction.Invoker ?? throw new InvalidOperationException("interaction without a user");

    public ulong UserId => User.Id.Value;

    public bool HasResponded => _state != ResponseState.None;

    /// <summary>Runs after a deferral was sent, before the handler continues with its slow work.</summary>
    internal Func<CancellationToken, Task>? AfterDeferral { get; init; }

    /// <summary>Runs once, right after the first response (a reply, a deferral, a modal) went out: the acknowledgement.</summary>
    internal Action? Acknowledged { get; init; }

    /// <summary>The member's permissions in the channel, as Discord computed them for this interaction.</summary>
    public bool MemberHas(Permissions permission)
    {
        var granted = interaction.Member?.Permissions ?? Permissions.None;
        return (granted & Permissions.Administrator) != 0 || (granted & permission) == permission;
    }

    public async Task DeferAsync(bool ephemeral, CancellationToken cancellationToken)
    {
        if (await RespondFirstAsync(InteractionResponse.Deferred(ephemeral), ResponseState.Deferred, cancellationToken).ConfigureAwait(false)
            && AfterDeferral is { } afterDeferral)
        {
            await afterDeferral(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The deadline guard: when nothing was sent yet, a deferral. A component gets a silent one, so the handler can still
    /// update the component's message or reply (as a followup); anything else an ephemeral "thinking" one that a later
    /// <see cref="ReplyAsync(string, bool)"/> fills in. Autocomplete cannot be deferred. Returns whether it deferred.
    /// </summary>
    internal Task<bool> DeferIfUnansweredAsync(CancellationToken cancellationToken) => interaction.Type switch
    {
        InteractionType.ApplicationCommandAutocomplete => Task.FromResult(false),
        InteractionType.MessageComponent => RespondFirstAsync(InteractionResponse.DeferredUpdate(), ResponseState.DeferredUpdate, cancellationToken),
        _ => RespondFirstAsync(InteractionResponse.Deferred(ephemeral: true), ResponseState.Deferred, cancellationToken),
    };

    /// <summary>For components: acknowledge without a visible reply.</summary>
    public async Task DeferUpdateAsync(CancellationToken cancellationToken)
    {
        if (await RespondFirstAsync(InteractionResponse.DeferredUpdate(), ResponseState.DeferredUpdate, cancellationToken).ConfigureAwait(false)
            && AfterDeferral is { } afterDeferral)
        {
            await afterDeferral(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task ReplyAsync(string text, bool ephemeral = true, CancellationToken cancellationToken = default) =>
        ReplyAsync(new MessageCreate { Content = DiscordText.Truncate(text, 2000) }, ephemeral, cancellationToken);

    /// <summary>
    /// The reply: the initial response when nothing was sent yet, the deferred response's content after a deferral,
    /// and a followup after that or after a component's silent deferral (editing that one would overwrite the
    /// component's message).
    /// </summary>
    public async Task ReplyAsync(MessageCreate message, bool ephemeral = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _responding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReplyLockedAsync(message, ephemeral, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _responding.Release();
        }
    }

    private async Task ReplyLockedAsync(MessageCreate message, bool ephemeral, CancellationToken cancellationToken)
    {
        switch (_state)
        {
            case ResponseState.None:
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.ChannelMessage(message, ephemeral), cancellationToken: cancellationToken).ConfigureAwait(false);
                SetState(ResponseState.Responded);
                break;
            case ResponseState.Deferred:
                await rest.EditOriginalResponseAsync(
                    interaction.ApplicationId,
                    interaction.Token,
                    new MessageEdit { Content = message.Content ?? string.Empty, Embeds = message.Embeds ?? [], Components = message.Components ?? [], AllowedMentions = message.AllowedMentions },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                _state = ResponseState.Responded;
                break;
            default:
                var flags = ephemeral ? (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral : message.Flags;
                await rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message with { Flags = flags }, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public Task ShowModalAsync(string customId, string title, IReadOnlyList<Component> components, CancellationToken cancellationToken) =>
        RespondAsync(InteractionResponse.Modal(customId, title, components), cancellationToken);

    public Task AutocompleteAsync(IReadOnlyList<ApplicationCommandOptionChoice> choices, CancellationToken cancellationToken) =>
        RespondAsync(InteractionResponse.Autocomplete([.. choices.Take(25)]), cancellationToken);

    /// <summary>
    /// For components: replace the message the component is on; after a silent deferral (the handler's own or the
    /// deadline guard's) by editing the original response, which for a component is that message.
    /// </summary>
    public async Task UpdateMessageAsync(InteractionCallbackData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        await _responding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state == ResponseState.DeferredUpdate)
            {
                await rest.EditOriginalResponseAsync(
                    interaction.ApplicationId,
                    interaction.Token,
                    new MessageEdit { Content = data.Content, Embeds = data.Embeds, Components = data.Components, AllowedMentions = data.AllowedMentions },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                _state = ResponseState.Responded;
                return;
            }

            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.UpdateMessage(data), cancellationToken: cancellationToken).ConfigureAwait(false);
            SetState(ResponseState.Responded);
        }
        finally
        {
            _responding.Release();
        }
    }

    public void Dispose() => _responding.Dispose();

    /// <summary>Sends an initial response that only the handler itself can choose (a modal, choices, a message update).</summary>
    private async Task RespondAsync(InteractionResponse response, CancellationToken cancellationToken)
    {
        await _responding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken: cancellationToken).ConfigureAwait(false);
            SetState(ResponseState.Responded);
        }
        finally
        {
            _responding.Release();
        }
    }

    /// <summary>Sends <paramref name="response"/> if nothing was sent yet; returns whether it did.</summary>
    private async Task<bool> RespondFirstAsync(InteractionResponse response, ResponseState state, CancellationToken cancellationToken)
    {
        await _responding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != ResponseState.None)
            {
                return false;
            }

            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken: cancellationToken).ConfigureAwait(false);
            SetState(state);
            return true;
        }
        finally
        {
            _responding.Release();
        }
    }

    private void SetState(ResponseState state)
    {
        var first = _state == ResponseState.None;
        _state = state;
        if (first)
        {
            Acknowledged?.Invoke();
        }
    }

    public string? StringOption(string name) => Data.GetOption(name)?.GetString();

    public long? IntegerOption(string name) => Data.GetOption(name)?.GetInt64();
}
