namespace InterviewBot.Discord;

/// <summary>Anchors the Discord client assembly for reflection-based checks.</summary>
public static class DiscordAssembly;
