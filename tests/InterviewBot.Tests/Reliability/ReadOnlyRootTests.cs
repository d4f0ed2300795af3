using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DiscordEmulator;
using DiscordEmulator.State;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// Issue 11: "The Docker image runs as a non-root user and works with a read-only root filesystem plus the /data
/// volume." There is no Docker engine on this machine, so the real executable is run the way the image runs it
/// (<c>docker run --read-only --tmpfs /tmp -v …:/data</c>, <c>USER app</c>): in its own mount namespace
/// (<c>unshare</c>) where the root filesystem is remounted read-only and only <c>/tmp</c> stays writable (the data
/// directory lives under it, standing in for the volume), as the unprivileged user <c>nobody</c> with a home directory
/// that does not exist. The bot must connect, answer <c>/ask</c>, store an answer and report healthy, and nothing it does
/// may fail on the read-only filesystem.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // mount namespaces; the image is Linux
public sealed class ReadOnlyRootTests
{
    private const int Nobody = 65534;

    // Inside the namespace: keep /tmp writable as its own mount, make everything else read-only, drop root.
    // Each step must work (exit 98/99 otherwise), and a write outside /tmp must fail (exit 97 otherwise).
    private const string Sandbox =
        "mount --bind /tmp /tmp || exit 98; mount -o remount,bind,ro / || exit 99; "
        + "if touch /interviewbot-read-only-probe 2>/dev/null; then exit 97; fi; "
        + "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$@\"";

    [Fact]
    public async Task Bot_ReadOnlyRootFilesystemAsNonRootUser_ConnectsAnswersAskStoresAnswersAndIsHealthy()
    {
        await using var discord = await DiscordEmulatorServer.StartAsync(new EmulatorOptions());
        var guild = discord.AddGuild("Backend Club");
        var channel = guild.AddTextChannel("interview");
        var alice = guild.AddMember("alice");
        using var data = new TempDirectory();
        File.SetUnixFileMode(data.Path, (UnixFileMode)0x1FF); // rwxrwxrwx: the volume belongs to the image's user
        // The image's /app: a copy of the build output where the unprivileged user can read it (a fresh clone may sit
        // below a directory only root can enter, e.g. one made by mktemp).
        using var app = new TempDirectory();
        CopyDirectory(AppContext.BaseDirectory, app.Path);
        var port = FreePort();

        var info = BotProcess.StartInfo(
            "unshare",
            ["--mount", "--propagation", "private", "sh", "-c", Sandbox, "sandbox", "dotnet", app.File("interviewbot.dll")],
            new Dictionary<string, string?>
            {
                ["DISCORD_TOKEN"] = discord.BotToken,
                ["InterviewBot__Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
                ["InterviewBot__DataDirectory"] = data.Path,
                ["InterviewBot__HealthPort"] = port.ToString(CultureInfo.InvariantCulture),
                ["HOME"] = "/nonexistent",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
            workingDirectory: "/");
        using var bot = RunningBot.Start(info);

        await WaitUntilAsync(() => discord.IdentifyCount > 0 && discord.Requests.Any(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal)), bot, "READY and commands registered");
        Assert.Equal(Nobody, ProcessUid(bot.Id));

        var ask = await alice.RunsCommandAsync("ask");
        await ask.WaitForMessageAsync(m => m.Content.Length > 0, TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => discord.Threads.Count == 1, bot, "the question's thread");
        var thread = discord.Threads[0];
        Assert.Equal(channel.Id, thread.ParentId);
        await alice.PostsAsync(thread.Id, "Cache in front of the database, a TTL on every key, and eviction when memory runs low.");
        await WaitUntilAsync(() => Count(data.File("interviewbot.db"), "SELECT count(*) FROM answers") == 1, bot, "the answer stored in the data directory");

        using var http = new HttpClient();
        string status = "";
        await WaitUntilAsync(
            () =>
            {
                try
                {
                    using var response = http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")).GetAwaiter().GetResult();
                    status = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("status").GetString() ?? "";
                    return response.StatusCode == HttpStatusCode.OK && status == "Healthy";
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            bot,
            "/healthz reports Healthy");

        Assert.False(bot.HasExited, bot.Output);
        Assert.DoesNotContain("Read-only file system", bot.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("UnauthorizedAccess", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Permission denied", bot.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(data.File("quartz.db")), "the scheduler's store is in the data directory");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static int ProcessUid(int pid)
    {
        // "Uid:\treal\teffective\tsaved\tfilesystem"
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }

    private static long Count(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, RunningBot bot, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"interviewbot exited before: {what}; output:\n{bot.Output}");
            }

            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"never: {what}; output:\n{bot.Output}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
