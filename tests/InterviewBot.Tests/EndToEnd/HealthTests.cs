using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace InterviewBot.Tests.EndToEnd;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_ConnectedBot_ReportsGatewaySchedulerAndDatabaseHealthy()
    {
        var port = FreePort();
        await using var bot = await BotUnderTest.StartAsync(settings: new Dictionary<string, string> { ["InterviewBot:HealthPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = new HttpClient();

        // The first heartbeat ACK arrives within one interval of READY.
        JsonElement report = default;
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            status = response.StatusCode;
            report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (report.GetProperty("status").GetString() == "Healthy"
                && report.GetProperty("checks").GetProperty("gateway").GetProperty("data").TryGetProperty("last_heartbeat_ack_age_seconds", out _))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("checks");
        Assert.Equal("Healthy", entries.GetProperty("gateway").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("database").GetProperty("status").GetString());
        Assert.True(entries.GetProperty("gateway").GetProperty("data").TryGetProperty("last_heartbeat_ack_age_seconds", out _));
    }

    [Fact]
    public async Task Healthz_AfterTheGatewayDropsAndDiscordStopsAcking_IsNotHealthy()
    {
        var port = FreePort();
        await using var bot = await BotUnderTest.StartAsync(
            emulator: o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(300),
            settings: new Dictionary<string, string> { ["InterviewBot:HealthPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = new HttpClient();

        bot.Discord.Faults.AckHeartbeats = false;
        bot.Discord.Faults.DropConnections();

        var sawNotHealthy = false;
        for (var attempt = 0; attempt < 100 && !sawNotHealthy; attempt++)
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            sawNotHealthy = body.GetProperty("checks").GetProperty("gateway").GetProperty("status").GetString() != "Healthy";
            await Task.Delay(20);
        }

        Assert.True(sawNotHealthy, "the gateway entry never left Healthy while the connection was down");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
