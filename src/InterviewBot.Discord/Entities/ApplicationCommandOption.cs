namespace InterviewBot.Discord.Entities;

public sealed record ApplicationCommandOption
{
    public required ApplicationCommandOptionType Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>For sub-commands and groups.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Not allowed together with <see cref="Choices"/>.</summary>
    public bool? Autocomplete { get; init; }
}
