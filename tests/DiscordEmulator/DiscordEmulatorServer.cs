using System.Net;
using System.Net.WebSockets;
using DiscordEmulator.Gateway;
using DiscordEmulator.Rest;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordEmulator;

/// <summary>
/// A fake Discord on Kestrel (127.0.0.1, random port): gateway WebSocket and REST v10 with state, Discord's
/// validation, rate limits, scripted users and fault injection. Start one per test.
/// </summary>
public sealed class DiscordEmulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stopping = new();

    private DiscordEmulatorServer(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
        Faults = new FaultInjector(state);
    }

    /// <summary>http://127.0.0.1:port/api/v10/ (with the trailing slash).</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>ws://127.0.0.1:port/ — what GET /gateway/bot returns; clients add ?v=10&amp;encoding=json.</summary>
    public Uri GatewayUrl => _state.GatewayUrl;

    /// <summary>The token the emulator accepts.</summary>
    public string BotToken => _state.Options.BotToken;

    /// <summary>The application id (also the bot user id).</summary>
    public ulong ApplicationId => _state.ApplicationId;

    public EmulatedUser Bot => _state.Bot;

    public EmulatorOptions Options => _state.Options;

    /// <summary>Scripted gateway and REST failures.</summary>
    public FaultInjector Faults { get; }

    public static async Task<DiscordEmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new EmulatorState(options ?? new EmulatorOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var server = new DiscordEmulatorServer(app, state);
        var pipeline = new RestPipeline(state, server.Faults, Routes.All(), server._stopping.Token);
        app.UseWebSockets();
        app.Run(context => context.WebSockets.IsWebSocketRequest
            ? server.AcceptGatewayAsync(context)
            : context.Request.Path.StartsWithSegments("/attachments", StringComparison.Ordinal)
                ? server.ServeAttachmentAsync(context)
                : pipeline.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new Uri(address.EndsWith('/') ? address : address + "/");
        server.ApiBaseUrl = new Uri(http, "api/v10/");
        state.GatewayUrl = new UriBuilder(http) { Scheme = "ws" }.Uri;
        state.HttpBaseUrl = http;
        return server;
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var query = context.Request.Query;
        if (query["v"].ToString() != "10")
        {
            _state.Violation("gateway-version", $"gateway opened with v={query["v"]}, expected 10");
            await CloseAsync(socket, 4012, "Invalid API version").ConfigureAwait(false);
            return;
        }

        if (query["encoding"].ToString() is not ("json" or ""))
        {
            await CloseAsync(socket, 4002, "Only encoding=json is emulated").ConfigureAwait(false);
            return;
        }

        if (query.ContainsKey("compress"))
        {
            _state.Violation("compression", $"gateway opened with compress={query["compress"]}, which the emulator does not speak");
        }

        using var connection = new GatewayConnection(_state, socket);
        _state.OnConnectionOpened(connection);
        await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
    }

    /// <summary>GET /attachments/{id}/{filename}: the CDN stand-in. Unknown ids and other methods get 404.</summary>
    private async Task ServeAttachmentAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        byte[]? content = null;
        var contentType = "application/octet-stream";
        if (HttpMethods.IsGet(context.Request.Method) && segments.Length == 3 && Json.ParseSnowflake(segments[1]) is { } id)
        {
            lock (_state.Gate)
            {
                if (_state.AttachmentContents.TryGetValue(id, out var stored) && Uri.EscapeDataString(stored.FileName) == segments[2])
                {
                    content = stored.Content;
                    contentType = stored.ContentType;
                }
            }
        }

        if (content is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = contentType;
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task CloseAsync(WebSocket socket, int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A file "uploaded by a user" (as the Discord client does before a command with an attachment option): pass the
    /// result as the option's value. Its URL is served by the emulator, like Discord's CDN, without authentication.
    /// </summary>
    public EmulatedAttachment UploadAttachment(string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        lock (_state.Gate)
        {
            var json = _state.StoreAttachment(fileName, contentType, [.. content]);
            return new EmulatedAttachment(Json.GetSnowflake(json, "id")!.Value, fileName, contentType, content.Length, new Uri(Json.GetString(json, "url")!));
        }
    }

    /// <summary>The content of an uploaded attachment (a user's or one the bot sent) by id; null when unknown.</summary>
    public byte[]? AttachmentContent(ulong attachmentId)
    {
        lock (_state.Gate)
        {
            return _state.AttachmentContents.TryGetValue(attachmentId, out var stored) ? [.. stored.Content] : null;
        }
    }

    /// <summary>Adds a guild with @everyone, the bot's role and an owner; fires GUILD_CREATE when a bot is connected.</summary>
    public EmulatedGuild AddGuild(string name) => _state.AddGuild(name);

    public IReadOnlyList<EmulatedGuild> Guilds
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Guilds.Values];
            }
        }
    }

    /// <summary>The guild with that name.</summary>
    public EmulatedGuild Guild(string name) =>
        Guilds.FirstOrDefault(g => g.Name == name) ?? throw new InvalidOperationException($"No guild named '{name}'.");

    /// <summary>The member with that name (in whichever guild has one; ambiguous names throw).</summary>
    public EmulatedMember Member(string name)
    {
        lock (_state.Gate)
        {
            var guilds = _state.Guilds.Values.Where(g => g.MemberStates.Values.Any(m => m.User.Name == name)).ToList();
            return guilds.Count switch
            {
                1 => guilds[0].Member(name),
                0 => throw new InvalidOperationException($"No member named '{name}'."),
                _ => throw new InvalidOperationException($"'{name}' is in several guilds; use guild.Member(name)."),
            };
        }
    }

    /// <summary>A channel or thread by id.</summary>
    public EmulatedChannel Channel(ulong id)
    {
        lock (_state.Gate)
        {
            if (!_state.Channels.TryGetValue(id, out var c))
            {
                throw new InvalidOperationException($"Unknown channel {id}.");
            }

            _state.ApplyAutoArchive(c);
            return c;
        }
    }

    /// <summary>A message by id, or null.</summary>
    public EmulatedMessage? Message(ulong id)
    {
        lock (_state.Gate)
        {
            return _state.Messages.GetValueOrDefault(id);
        }
    }

    /// <summary>Messages of a channel or thread, oldest first, without deleted ones (ephemeral ones included, flagged).</summary>
    public IReadOnlyList<EmulatedMessage> Messages(ulong channelId)
    {
        lock (_state.Gate)
        {
            return _state.ChannelMessages.TryGetValue(channelId, out var list) ? [.. list.Where(m => !m.Deleted)] : [];
        }
    }

    /// <summary>Every thread in every guild.</summary>
    public IReadOnlyList<EmulatedChannel> Threads
    {
        get
        {
            lock (_state.Gate)
            {
                var threads = _state.Channels.Values.Where(c => c.IsThread).OrderBy(c => c.Id).ToList();
                threads.ForEach(_state.ApplyAutoArchive);
                return threads;
            }
        }
    }

    /// <summary>Registered application commands (global and per guild).</summary>
    public IReadOnlyList<EmulatedCommand> Commands
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Commands];
            }
        }
    }

    /// <summary>Protocol violations seen so far; a well-behaved client leaves this empty.</summary>
    public IReadOnlyList<ProtocolViolation> Violations => _state.Violations;

    /// <summary>Every REST request, in order, with status and bodies.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests;

    public long RequestsTotal
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.RequestsTotal;
            }
        }
    }

    /// <summary>
    /// Requests Discord counts towards its Cloudflare ban (10,000 per 10 minutes): 401, 403 and 429 except
    /// 429s of a shared limit.
    /// </summary>
    public long InvalidRequests
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.InvalidRequests;
            }
        }
    }

    public long Count429
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Count429;
            }
        }
    }

    /// <summary>How many Identify calls succeeded (Resumes do not count).</summary>
    public int IdentifyCount
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.IdentifyCount;
            }
        }
    }

    /// <summary>Open gateway WebSockets.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Connections.Count;
            }
        }
    }

    /// <summary>Dispatch types (READY, GUILD_CREATE, ...) sent on the newest session, in order.</summary>
    public IReadOnlyList<string> DispatchedEvents
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Sessions.Count == 0 ? [] : _state.Sessions[^1].Types;
            }
        }
    }

    /// <summary>Waits for a stored message (existing or future, created or edited) matching the predicate.</summary>
    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool> predicate, TimeSpan? timeout = null) =>
        _state.WaitForMessageAsync(predicate).WaitAsync(timeout ?? DefaultTimeout);

    /// <summary>Waits for a REST request (already made or future) matching the predicate.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, TimeSpan? timeout = null) =>
        _state.WaitForRequestAsync(predicate).WaitAsync(timeout ?? DefaultTimeout);

    /// <summary>Waits until a bot session is identified and attached to a connection.</summary>
    public async Task WaitForReadyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            lock (_state.Gate)
            {
                if (_state.LiveSessions().Any(s => s.Connection is not null))
                {
                    return;
                }
            }

            await Task.Delay(10, cts.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        lock (_state.Gate)
        {
            foreach (var c in _state.Connections.ToList())
            {
                c.Abort();
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
