using System.Text.Json;

namespace InterviewBot.Discord.Gateway;

/// <summary>A received gateway payload: op, d, s, t.</summary>
internal readonly record struct GatewayEnvelope(GatewayOpcode Op, JsonElement Data, long? Sequence, string? EventName);
