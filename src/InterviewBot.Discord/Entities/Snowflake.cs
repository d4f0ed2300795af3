using System.Globalization;
using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>A Discord id: a 64-bit number that travels as a JSON string and sorts by creation time.</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>
{
    /// <summary>Milliseconds of 2015-01-01T00:00:00Z, the epoch of Discord ids.</summary>
    public const long DiscordEpochMilliseconds = 1420070400000;

    /// <summary>The instant encoded in the id's top 42 bits.</summary>
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMilliseconds);

    /// <summary>The smallest id created at <paramref name="instant"/>, for pagination cursors.</summary>
    public static Snowflake FromTimestamp(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds;
        return new Snowflake(ms <= 0 ? 0 : (ulong)ms << 22);
    }

    public static Snowflake Parse(string text) => new(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out Snowflake value)
    {
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var raw))
        {
            value = new Snowflake(raw);
            return true;
        }

        value = default;
        return false;
    }

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public static bool operator <(Snowflake left, Snowflake right) => left.Value < right.Value;

    public static bool operator >(Snowflake left, Snowflake right) => left.Value > right.Value;

    public static bool operator <=(Snowflake left, Snowflake right) => left.Value <= right.Value;

    public static bool operator >=(Snowflake left, Snowflake right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
