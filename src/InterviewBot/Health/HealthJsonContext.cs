using System.Text.Json.Serialization;

namespace InterviewBot.Health;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(HealthReportBody))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
