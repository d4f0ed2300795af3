using System.Text.Json.Serialization;

namespace InterviewBot.Features.Privacy;

// Snowflakes exceed JavaScript's 2^53, so numbers are written as strings (as Discord does) to survive any JSON reader.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PrivacyExportDocument))]
internal sealed partial class PrivacyJsonContext : JsonSerializerContext;
