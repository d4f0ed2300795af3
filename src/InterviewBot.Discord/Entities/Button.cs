namespace InterviewBot.Discord.Entities;

/// <summary>A button: styles 1-4 need a custom_id, Link needs a url.</summary>
public sealed record Button : Component
{
    public override ComponentType Type => ComponentType.Button;

    public ButtonStyle Style { get; init; } = ButtonStyle.Secondary;

    public string? Label { get; init; }

    public Emoji? Emoji { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public bool? Disabled { get; init; }

    public Snowflake? SkuId { get; init; }
}
