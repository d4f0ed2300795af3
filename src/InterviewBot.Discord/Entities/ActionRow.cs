namespace InterviewBot.Discord.Entities;

/// <summary>Up to 5 buttons or exactly one select.</summary>
public sealed record ActionRow : Component
{
    public override ComponentType Type => ComponentType.ActionRow;

    public IReadOnlyList<Component> Components { get; init; } = [];

    public static ActionRow Of(params IReadOnlyList<Component> components) => new() { Components = components };
}
