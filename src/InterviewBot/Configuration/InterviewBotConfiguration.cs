using Microsoft.Extensions.Configuration;

namespace InterviewBot.Configuration;

/// <summary>Configuration sources shared by the bot and the CLI verbs.</summary>
public static class InterviewBotConfiguration
{
    public const string TokenKey = "InterviewBot:Discord:Token";

    /// <summary>The plain variable every Discord bot README uses; <c>InterviewBot__Discord__Token</c> wins when both are set.</summary>
    public const string PlainTokenVariable = "DISCORD_TOKEN";

    /// <summary>Adds <c>DISCORD_TOKEN</c> as a fallback for the token, below every other source.</summary>
    public static IConfigurationBuilder AddPlainTokenVariable(this IConfigurationBuilder builder, IConfiguration current)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(current);
        var plain = Environment.GetEnvironmentVariable(PlainTokenVariable);
        if (string.IsNullOrWhiteSpace(plain) || !string.IsNullOrWhiteSpace(current[TokenKey]))
        {
            return builder;
        }

        return builder.AddInMemoryCollection([new KeyValuePair<string, string?>(TokenKey, plain.Trim())]);
    }

    /// <summary>One line for stderr telling the operator exactly how to provide the token.</summary>
    public const string MissingTokenMessage =
        "no Discord bot token. Set the DISCORD_TOKEN environment variable (or InterviewBot__Discord__Token), "
        + "or in Development run: dotnet user-secrets set InterviewBot:Discord:Token <token> --project src/InterviewBot";
}
