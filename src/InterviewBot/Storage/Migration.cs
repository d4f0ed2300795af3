namespace InterviewBot.Storage;

/// <summary>One numbered schema step; <see cref="Version"/> becomes <c>PRAGMA user_version</c> once it is applied.</summary>
public sealed record Migration(int Version, string Name, string Sql);
