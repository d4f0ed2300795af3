using InterviewBot.Features.Reminders;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Reminders;

public sealed class ReminderRuleTests
{
    private static readonly MemberSettings Berlin = new() { GuildId = 1, UserId = 2, RemindersEnabled = true, ReminderHour = 9, TimeZone = "Europe/Berlin" };

    [Theory]
    [InlineData("2026-07-01T07:00:00Z", true)] // 09:00 CEST (UTC+2)
    [InlineData("2026-07-01T07:59:00Z", true)]
    [InlineData("2026-07-01T09:00:00Z", false)] // 09:00 UTC is 11:00 in Berlin
    [InlineData("2026-01-15T08:00:00Z", true)] // 09:00 CET (UTC+1) in winter
    [InlineData("2026-01-15T07:00:00Z", false)]
    public void ReminderDate_FollowsTheMembersZoneAcrossDaylightSaving(string instant, bool due)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        var date = ReminderRule.ReminderDate(Berlin, now);

        Assert.Equal(due ? DateOnly.FromDateTime(now.UtcDateTime) : null, date);
    }

    [Fact]
    public void ReminderDate_IsTheMembersLocalDate_NotUtcs()
    {
        var tokyo = Berlin with { TimeZone = "Asia/Tokyo", ReminderHour = 8 };

        // 23:30 UTC on 1 July is 08:30 on 2 July in Tokyo.
        Assert.Equal(new DateOnly(2026, 7, 2), ReminderRule.ReminderDate(tokyo, new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ShouldSend_OncePerLocalDate_NeverWhenUndeliverableOrOff()
    {
        var now = new DateTimeOffset(2026, 7, 1, 7, 15, 0, TimeSpan.Zero);
        var today = new DateOnly(2026, 7, 1);

        Assert.True(ReminderRule.ShouldSend(Berlin, null, now));
        Assert.True(ReminderRule.ShouldSend(Berlin, new ReminderDelivery { UserId = 2, LastSentDate = today.AddDays(-1) }, now));
        Assert.False(ReminderRule.ShouldSend(Berlin, new ReminderDelivery { UserId = 2, LastSentDate = today }, now));
        Assert.False(ReminderRule.ShouldSend(Berlin, new ReminderDelivery { UserId = 2, UndeliverableAt = now.AddDays(-3) }, now));
        Assert.False(ReminderRule.ShouldSend(Berlin with { RemindersEnabled = false }, null, now));
        Assert.True(ReminderRule.ShouldSend(Berlin with { ReminderHour = null }, null, now)); // the default hour is 09:00 local
        Assert.False(ReminderRule.ShouldSend(Berlin with { ReminderHour = null }, null, now.AddHours(1)));
    }
}
