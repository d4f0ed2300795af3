using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InterviewBot.Discord.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Discord.Rest;

/// <summary>
/// The one path out to Discord's REST API: authentication, rate limits, retries, error mapping and the
/// allowed_mentions default. Routes are grouped by resource in the partial files beside this one.
/// </summary>
public sealed partial class DiscordRestClient : IDiscordRestClient, IDisposable
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly DiscordClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly DiscordMetrics _metrics;
    private readonly RateLimiter _rateLimiter;
    private readonly Uri _baseUri;
    private readonly string _userAgent;
    private volatile DiscordApiException? _tokenRejected;

    public DiscordRestClient(HttpClient http, IOptions<DiscordClientOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger, DiscordMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _rateLimiter = new RateLimiter(time, Math.Max(1, _options.GlobalRequestsPerSecond));
        var baseUrl = _options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/";
        _baseUri = new Uri(baseUrl, UriKind.Absolute);
        _userAgent = $"DiscordBot ({_options.UserAgentUrl}, {_options.UserAgentVersion})";
    }

    public void Dispose() => _rateLimiter.Dispose();

    /// <summary>For tests: how many rate-limit buckets are tracked.</summary>
    internal int RateLimitBucketCount => _rateLimiter.BucketCount;

    /// <summary>For tests: sweeps idle buckets now instead of every 1000 responses.</summary>
    internal void SweepIdleBuckets() => _rateLimiter.SweepIdleBuckets(_time.GetUtcNow());

    /// <summary>The single place where outgoing messages get <c>{"parse": []}</c> unless the caller chose mentions.</summary>
    internal static T WithDefaultMentions<T>(T body)
        where T : IMessageBody<T> =>
        body.AllowedMentions is null ? body.WithAllowedMentions(AllowedMentions.None) : body;

    private static string Id(Snowflake id) => id.ToString();

    /// <summary>A bucket key part for routes whose major parameter is a token; the token itself is never kept.</summary>
    private static string TokenKey(string token) => token.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);

    private static string Escape(string token) => Uri.EscapeDataString(token);

    private static Func<HttpContent> JsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = JsonMediaType;
            return content;
        };
    }

    private static Func<HttpContent> MultipartBody<T>(T body, JsonTypeInfo<T> typeInfo, FileUpload file)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return () =>
        {
            var multipart = new MultipartFormDataContent();
            var json = new ByteArrayContent(payload);
            json.Headers.ContentType = JsonMediaType;
            multipart.Add(json, "payload_json");
            var fileContent = new ReadOnlyMemoryContent(file.Content);
            fileContent.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            multipart.Add(fileContent, "files[0]", file.FileName);
            return multipart;
        };
    }

    private static IReadOnlyList<AttachmentUpload> Attach(FileUpload file) =>
        [new AttachmentUpload { Id = new Snowflake(0), Filename = file.FileName, Description = file.Description }];

    private async Task<T> SendAsync<T>(RestRoute route, Func<HttpContent>? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await ExecuteAsync(route, content, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false)
                    ?? throw new DiscordApiException(response.StatusCode, null, "empty response body", route.RouteKey);
            }
            catch (JsonException ex)
            {
                throw new DiscordApiException($"Discord {route.RouteKey} returned a body that could not be read at {ex.Path}.", ex);
            }
        }
    }

    private async Task SendAsync(RestRoute route, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        using var response = await ExecuteAsync(route, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends until success; returns the successful response (the caller disposes it).</summary>
    private async Task<HttpResponseMessage> ExecuteAsync(RestRoute route, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        var transientFailures = 0;
        var rateLimitHits = 0;
        if (!route.IsInteraction && _tokenRejected is { } rejected)
        {
            // Discord: after a 401 stop sending with that token; every further attempt counts toward a Cloudflare ban.
            throw new DiscordApiException(rejected.StatusCode, rejected.Code, "the bot token was rejected earlier (HTTP 401); not sending", route.RouteKey);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lease = await _rateLimiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            DiscordErrorBody? error = null;
            try
            {
                try
                {
                    using var request = new HttpRequestMessage(route.Method, new Uri(_baseUri, route.Path));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                    request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                    request.Content = content?.Invoke();
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    lease.Dispose();
                    if (++transientFailures > _options.MaxRetries)
                    {
                        throw new DiscordApiException($"Discord {route.RouteKey} failed after {transientFailures} attempts: {ex.GetType().Name}.", ex);
                    }

                    var timedOut = ex is TaskCanceledException { InnerException: TimeoutException };
                    _metrics.Retry(timedOut ? "timeout" : "network");
                    LogRetry(route.RouteKey, timedOut ? "no answer within the request timeout" : "network error", transientFailures);
                    await Task.Delay(Backoff(transientFailures), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                }

                var scope = _rateLimiter.Complete(route, lease, response, error?.RetryAfter, error?.Global);
                var status = (int)response.StatusCode;
                _metrics.Request(status, route.Method.Method);
                if (status is 401 or 403 || (status == 429 && scope != RateLimitScope.Shared))
                {
                    _metrics.InvalidRequest();
                }

                if (scope != RateLimitScope.None)
                {
                    _metrics.RateLimited(scope.ToString().ToLowerInvariant());
                }
            }
            finally
            {
                lease.Dispose();
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var code = response.StatusCode;
            response.Dispose();
            if (code == HttpStatusCode.TooManyRequests)
            {
                LogRateLimited(route.RouteKey, error?.RetryAfter ?? 0);
                if (++rateLimitHits > _options.MaxRateLimitRetries)
                {
                    throw new DiscordApiException(code, error?.Code, error?.Message ?? "rate limited", route.RouteKey);
                }

                // The limiter now holds the bucket (or everything, for a global 429) until the reset.
                continue;
            }

            if ((int)code >= 500 && ++transientFailures <= _options.MaxRetries)
            {
                _metrics.Retry("server");
                LogRetry(route.RouteKey, $"HTTP {(int)code}", transientFailures);
                await Task.Delay(Backoff(transientFailures), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var exception = new DiscordApiException(code, error?.Code, error?.Message, route.RouteKey, error?.Errors?.GetRawText());
            if (code == HttpStatusCode.Unauthorized && !route.IsInteraction)
            {
                _tokenRejected = exception;
                Log.TokenRejected(_logger, route.RouteKey, null);
            }

            throw exception;
        }
    }

    private static async Task<DiscordErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, Json.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // Cloudflare and proxies answer with HTML; the status code still tells what happened.
            return null;
        }
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException => true,
        IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(8000, 500 * Math.Pow(2, failures - 1)));

    private void LogRetry(string route, string reason, int attempt) => Log.Retrying(_logger, route, reason, attempt, null);

    private void LogRateLimited(string route, double retryAfter) => Log.RateLimited(_logger, route, retryAfter, null);

    private static class Log
    {
        public static readonly Action<ILogger, string, string, int, Exception?> Retrying =
            LoggerMessage.Define<string, string, int>(LogLevel.Warning, new EventId(1, "DiscordRetry"), "Discord {Route} failed with {Reason}; retry {Attempt}");

        public static readonly Action<ILogger, string, Exception?> TokenRejected =
            LoggerMessage.Define<string>(LogLevel.Critical, new EventId(3, "DiscordTokenRejected"), "Discord rejected the bot token on {Route}; no further requests will be sent with it");

        public static readonly Action<ILogger, string, double, Exception?> RateLimited =
            LoggerMessage.Define<string, double>(LogLevel.Information, new EventId(2, "DiscordRateLimited"), "Discord {Route} rate limited for {RetryAfter} s");
    }
}
