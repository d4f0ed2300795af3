namespace DiscordEmulator;

/// <summary>Anchors the emulator assembly.</summary>
public static class EmulatorAssembly;
