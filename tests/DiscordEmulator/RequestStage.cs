namespace DiscordEmulator;

/// <summary>When an intercepted request's callback runs.</summary>
public enum RequestStage
{
    /// <summary>When the request arrives (authenticated, route known), before faults, rate limits and the handler: nothing changed yet.</summary>
    BeforeApply,

    /// <summary>After the emulator handled it (applied, with its gateway events sent, or refused with an error), before the response is written.</summary>
    AfterApply,
}
