namespace InterviewBot.Discord.Entities;

public sealed record StringSelect : Component
{
    public override ComponentType Type => ComponentType.StringSelect;

    public string CustomId { get; init; } = "";

    public IReadOnlyList<SelectOption> Options { get; init; } = [];

    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public bool? Disabled { get; init; }

    /// <summary>Modals only.</summary>
    public bool? Required { get; init; }

    /// <summary>Only in modal submits: the chosen values.</summary>
    public IReadOnlyList<string>? Values { get; init; }
}
