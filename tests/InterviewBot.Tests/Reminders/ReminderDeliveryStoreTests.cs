using InterviewBot.Storage;
using InterviewBot.Tests.Storage;

namespace InterviewBot.Tests.Reminders;

public sealed class ReminderDeliveryStoreTests
{
    [Fact]
    public async Task TryClaimDay_OncePerLocalDate_NeverWhileUndeliverable()
    {
        using var storage = await StorageFixture.CreateAsync();
        var store = new SqliteReminderDeliveryStore(storage.Factory, storage.Writer);
        var now = StorageFixture.Start;
        var today = new DateOnly(2026, 3, 2);

        Assert.True(await store.TryClaimDayAsync(7, today, now, CancellationToken.None));
        Assert.False(await store.TryClaimDayAsync(7, today, now, CancellationToken.None));
        Assert.True(await store.TryClaimDayAsync(8, today, now, CancellationToken.None));
        Assert.True(await store.TryClaimDayAsync(7, today.AddDays(1), now, CancellationToken.None));

        await store.MarkUndeliverableAsync(7, now, CancellationToken.None);
        Assert.False(await store.TryClaimDayAsync(7, today.AddDays(2), now, CancellationToken.None));
        await store.ClearUndeliverableAsync(7, now, CancellationToken.None);
        Assert.True(await store.TryClaimDayAsync(7, today.AddDays(2), now, CancellationToken.None));
        Assert.Equal(today.AddDays(2), (await store.GetAsync(7, CancellationToken.None))!.LastSentDate);
    }
}
