namespace InterviewBot.Discord.Entities;

/// <summary>A modal label (type 18) wrapping one input.</summary>
public sealed record LabelComponent : Component
{
    public override ComponentType Type => ComponentType.Label;

    public string? Label { get; init; }

    public string? Description { get; init; }

    public Component? Component { get; init; }
}
