namespace InterviewBot.Discord.Rest;

/// <summary>One file sent as multipart <c>files[0]</c>; kept in memory so the request can be retried.</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null);
