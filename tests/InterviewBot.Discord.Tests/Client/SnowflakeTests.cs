using System.Text.Json;
using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Tests.Client;

public sealed class SnowflakeTests
{
    [Fact]
    public void CreatedAt_DocsExample_MatchesDocumentedInstant()
    {
        // The reference docs decode 175928847299117063 to 2016-04-30 11:18:25.796 UTC.
        Assert.Equal(new DateTimeOffset(2016, 4, 30, 11, 18, 25, 796, TimeSpan.Zero), new Snowflake(175928847299117063).CreatedAt);
    }

    [Fact]
    public void FromTimestamp_RoundTripsToTheMillisecond()
    {
        var instant = new DateTimeOffset(2026, 12, 1, 9, 0, 0, 123, TimeSpan.Zero);

        Assert.Equal(instant, Snowflake.FromTimestamp(instant).CreatedAt);
    }

    [Fact]
    public void Json_StringOrNumber_ReadsAndWritesString()
    {
        Assert.Equal(new Snowflake(42), JsonSerializer.Deserialize("\"42\"", DiscordJsonContext.Default.Snowflake));
        Assert.Equal(new Snowflake(42), JsonSerializer.Deserialize("42", DiscordJsonContext.Default.Snowflake));
        Assert.Equal("\"42\"", JsonSerializer.Serialize(new Snowflake(42), DiscordJsonContext.Default.Snowflake));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"-1\"", DiscordJsonContext.Default.Snowflake));
    }

    [Fact]
    public void Permissions_BitsAbove64_AreDroppedNotFatal()
    {
        var value = JsonSerializer.Deserialize("\"36893488147419103232\"", DiscordJsonContext.Default.Permissions);

        Assert.Equal(Permissions.None, value);
    }
}
