using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace InterviewBot.Discord.Tests.Contract;

/// <summary>Discord's OpenAPI document (shared/discord-api-spec/openapi.json next to the project), loaded once.</summary>
public static class DiscordSpec
{
    private const string RelativePath = "shared/discord-api-spec/openapi.json";
    private static readonly Lazy<Task<OpenApiDocument>> Document = new(LoadAsync);

    public static Task<OpenApiDocument> GetAsync() => Document.Value;

    /// <summary>Looks in every ancestor of the test binaries for shared/discord-api-spec/openapi.json.</summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Discord's OpenAPI spec was not found: looked for '{RelativePath}' in every ancestor of {AppContext.BaseDirectory} (the project expects ../shared/discord-api-spec/openapi.json beside the repository).");
    }

    private static async Task<OpenApiDocument> LoadAsync()
    {
        await using var stream = File.OpenRead(Locate());
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        return result.Document ?? throw new InvalidOperationException("The spec did not load: " + string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? []));
    }

    /// <summary>The JSON schema of the response for that path template, method and status, or null when it has no body.</summary>
    public static IOpenApiSchema? ResponseSchema(OpenApiDocument document, string route, string method, int status, out bool found)
    {
        found = false;
        if (document.Paths is null || !document.Paths.TryGetValue(route, out var pathItem) || pathItem.Operations is null)
        {
            return null;
        }

        var operation = pathItem.Operations.FirstOrDefault(o => string.Equals(o.Key.Method, method, StringComparison.OrdinalIgnoreCase)).Value;
        if (operation?.Responses is null)
        {
            return null;
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(code, out var response)
            && !operation.Responses.TryGetValue($"{code[0]}XX", out response)
            && !operation.Responses.TryGetValue("default", out response))
        {
            return null;
        }

        found = true;
        return response.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;
    }

    /// <summary>Whether the spec documents this path template and method at all.</summary>
    public static bool HasOperation(OpenApiDocument document, string route, string method) =>
        document.Paths is not null && document.Paths.TryGetValue(route, out var item) && item.Operations is not null
        && item.Operations.Keys.Any(k => string.Equals(k.Method, method, StringComparison.OrdinalIgnoreCase));
}
