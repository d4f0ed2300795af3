namespace InterviewBot.Discord.Entities;

/// <summary>A modal text field. In a modal submit only custom_id and value come back.</summary>
public sealed record TextInput : Component
{
    public override ComponentType Type => ComponentType.TextInput;

    public string CustomId { get; init; } = "";

    public TextInputStyle? Style { get; init; }

    /// <summary>Deprecated by Discord in favour of wrapping the input in a <see cref="LabelComponent"/>; still accepted inside action rows.</summary>
    public string? Label { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
