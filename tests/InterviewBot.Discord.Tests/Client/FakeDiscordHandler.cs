using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace InterviewBot.Discord.Tests.Client;

/// <summary>An HttpMessageHandler that records requests (with their bodies) and answers through a delegate.</summary>
internal sealed class FakeDiscordHandler(Func<RecordedRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("User-Agent", out var ua) ? string.Join(" ", ua) : null,
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Enqueue(recorded);
        await Task.Yield();
        return respond(recorded);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public const string MessageJson = """{"id":"900","channel_id":"100","author":{"id":"1","username":"bot"},"content":"hi","timestamp":"2026-12-01T09:00:00+00:00","embeds":[]}""";
}
