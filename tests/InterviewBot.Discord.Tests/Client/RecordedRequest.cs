namespace InterviewBot.Discord.Tests.Client;

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? UserAgent, string? ContentType, string Body);
