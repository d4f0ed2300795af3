namespace InterviewBot.Discord.Gateway;

public sealed record ResumePayload
{
    public required string Token { get; init; }

    public required string SessionId { get; init; }

    public long? Seq { get; init; }

    public override string ToString() => $"Resume {{ Seq = {Seq} }}";
}
