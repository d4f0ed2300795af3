using System.Text.Json;

namespace InterviewBot.Discord.Entities;

/// <summary>A fixed choice (or an autocomplete suggestion): a name and a string, integer or number value.</summary>
public sealed record ApplicationCommandOptionChoice
{
    public required string Name { get; init; }

    public required JsonElement Value { get; init; }

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public static ApplicationCommandOptionChoice FromString(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static ApplicationCommandOptionChoice FromInteger(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };

    public static ApplicationCommandOptionChoice FromNumber(string name, double value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double) };
}
