using InterviewBot.Core.Scheduling;
using Quartz;

namespace InterviewBot.Tests.Scheduling;

/// <summary>
/// Daily posts run on Quartz cron triggers carrying the schedule's zone. Quartz has had daylight-saving bugs in the
/// past; these tests prove the version we pin computes exactly the instants our own <see cref="ScheduleRule"/> does,
/// over whole years, including the spring-forward gap and the fall-back overlap.
/// </summary>
public sealed class QuartzDstAgreementTests
{
    public static TheoryData<string, string, string> Schedules => new()
    {
        { "Europe/Berlin", "09:00", "daily" },
        { "Europe/Berlin", "02:30", "daily" },
        { "Europe/Berlin", "02:00", "daily" },
        { "America/New_York", "02:30", "daily" },
        { "America/New_York", "09:00", "mon-fri" },
        { "Asia/Kolkata", "09:00", "daily" },
        { "Australia/Sydney", "02:30", "sat,sun" },
        { "Pacific/Auckland", "08:00", "mon-fri" },
        { "UTC", "00:00", "daily" },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void CronTriggerInZone_OverTwoYears_FiresExactlyWhenScheduleRuleSays(string zoneId, string time, string days)
    {
        var rule = new ScheduleRule(LocalTimeParser.Parse(time).Value, IanaTimeZones.Parse(zoneId).Value!, WeekdaySet.Parse(days).Value);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var trigger = TriggerBuilder.Create()
            .WithCronSchedule(DailyCron(rule), x => x.InTimeZone(rule.Zone))
            .StartAt(start)
            .Build();

        var expected = rule.OccurrencesAfter(start).TakeWhile(t => t < start.AddYears(2)).ToList();
        var actual = new List<DateTimeOffset>();
        for (var t = trigger.GetFireTimeAfter(start); t is { } fire && fire < start.AddYears(2); t = trigger.GetFireTimeAfter(fire))
        {
            actual.Add(fire);
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.UtcDateTime), actual.Select(a => a.UtcDateTime));
        // Never twice on one local date, whatever the clocks do.
        Assert.Equal(actual.Count, actual.Select(rule.LocalDateOf).Distinct().Count());
    }

    [Fact]
    public void CronTriggerInBerlin_SpringForwardAndFallBack_OneFireEachDay()
    {
        var rule = new ScheduleRule(new TimeOnly(2, 30), IanaTimeZones.Parse("Europe/Berlin").Value!, WeekdaySet.EveryDay);
        var trigger = TriggerBuilder.Create()
            .WithCronSchedule(DailyCron(rule), x => x.InTimeZone(rule.Zone))
            .StartAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .Build();

        var spring = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero))!.Value;
        var fall = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero))!.Value;
        var afterFall = trigger.GetFireTimeAfter(fall)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), spring);   // 03:00 CEST
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), fall);   // first 02:30 (CEST)
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), afterFall); // not the second 02:30
    }

    /// <summary>The same cron text the daily feature builds; kept here so a change there breaks this test.</summary>
    private static string DailyCron(ScheduleRule rule) => InterviewBot.Features.Daily.DailyCron.For(rule);
}
