namespace DiscordEmulator.State;

/// <summary>A file a scripted user uploaded, to pass as the value of an attachment option (type 11).</summary>
public sealed record EmulatedAttachment(ulong Id, string FileName, string ContentType, long Size, Uri Url);
