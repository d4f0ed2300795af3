using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace InterviewBot.Discord.Tests.Contract;

/// <summary>
/// Discord's OpenAPI document, loaded once: the copy vendored in the repository (spec/discord-api-spec, with its MIT
/// licence), so a fresh clone tests against the same contract; a shared/ copy beside the repository also works.
/// </summary>
public static class DiscordSpec
{
    private static readonly string[] RelativePaths = ["spec/discord-api-spec/openapi.json", "shared/discord-api-spec/openapi.json"];
    private static readonly Lazy<Task<OpenApiDocument>> Document = new(LoadAsync);

    public static Task<OpenApiDocument> GetAsync() => Document.Value;

    /// <summary>Looks in every ancestor of the test binaries for the spec.</summary>
    public static string Locate()
    {
        foreach (var relative in RelativePaths)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Discord's OpenAPI spec was not found: looked for {string.Join(" and ", RelativePaths)} in every ancestor of {AppContext.BaseDirectory}.");
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
