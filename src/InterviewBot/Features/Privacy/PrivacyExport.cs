using System.Text.Json;

namespace InterviewBot.Features.Privacy;

/// <summary>The member's data as the UTF-8 JSON file sent by <c>/privacy export</c>.</summary>
public static class PrivacyExport
{
    public const string FileName = "interviewbot-my-data.json";

    public static byte[] ToJson(PrivacyExportDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, PrivacyJsonContext.Default.PrivacyExportDocument);

    public static PrivacyExportDocument? FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, PrivacyJsonContext.Default.PrivacyExportDocument);
}
