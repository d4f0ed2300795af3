using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace InterviewBot.Discord.Tests.Emulator;

/// <summary>Status, JSON body and headers of one response.</summary>
public sealed record RestResponse(int Status, JsonNode? Body, HttpResponseHeaders Headers)
{
    public int? Code => Body?["code"]?.GetValue<int>();

    public string Header(string name) => Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "";
}
