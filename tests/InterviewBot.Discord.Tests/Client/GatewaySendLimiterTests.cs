using InterviewBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task WaitAsync_Over115OrdinarySends_WaitsForTheWindowButHeartbeatsPass()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < 115; i++)
        {
            Assert.True(limiter.WaitAsync(priority: false, CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }

        var blocked = limiter.WaitAsync(priority: false, CancellationToken.None).AsTask();
        var heartbeat = limiter.WaitAsync(priority: true, CancellationToken.None).AsTask();

        Assert.True(heartbeat.IsCompletedSuccessfully);
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void WaitAsync_120InAWindow_EvenHeartbeatsWait()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < 120; i++)
        {
            Assert.True(limiter.WaitAsync(priority: true, CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }

        Assert.False(limiter.WaitAsync(priority: true, CancellationToken.None).AsTask().IsCompleted);
    }
}
