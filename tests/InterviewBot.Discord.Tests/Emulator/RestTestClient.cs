using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace InterviewBot.Discord.Tests.Emulator;

/// <summary>A bare HttpClient with a bot token and Discord's User-Agent, for calling the emulator's REST API.</summary>
public sealed class RestTestClient : IDisposable
{
    private readonly HttpClient _http;

    public RestTestClient(Uri apiBaseUrl, string? token, string userAgent = "DiscordBot (https://example.test, 1.0)")
    {
        _http = new HttpClient { BaseAddress = apiBaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bot " + token);
        }

        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
    }

    public async Task<RestResponse> SendAsync(HttpMethod method, string path, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await SendAsync(request, cancellationToken);
    }

    public async Task<RestResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new RestResponse((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    public Task<RestResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<RestResponse> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<RestResponse> PatchAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<RestResponse> PutAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Put, path, body);

    public Task<RestResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public void Dispose() => _http.Dispose();
}
