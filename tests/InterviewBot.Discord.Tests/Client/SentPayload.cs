using System.Text.Json;

namespace InterviewBot.Discord.Tests.Client;

internal sealed record SentPayload(JsonElement Json, DateTimeOffset At)
{
    public int Op => Json.GetProperty("op").GetInt32();

    public JsonElement Data => Json.GetProperty("d");
}
