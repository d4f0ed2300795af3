namespace InterviewBot.Core;

/// <summary>Anchors the Core assembly for reflection-based checks (e.g. the dependency-direction test).</summary>
public static class CoreAssembly;
