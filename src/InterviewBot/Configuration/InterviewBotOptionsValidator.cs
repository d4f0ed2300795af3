using Microsoft.Extensions.Options;

namespace InterviewBot.Configuration;

/// <summary>Validates <see cref="InterviewBotOptions"/> at start-up (registered with ValidateOnStart).</summary>
public sealed class InterviewBotOptionsValidator : IValidateOptions<InterviewBotOptions>
{
    public ValidateOptionsResult Validate(string? name, InterviewBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("InterviewBot:DataDirectory must not be empty");
        }

        if (string.IsNullOrWhiteSpace(options.QuestionsDirectory))
        {
            failures.Add("InterviewBot:QuestionsDirectory must not be empty");
        }

        if (options.HealthPort is < 0 or > 65535)
        {
            failures.Add($"InterviewBot:HealthPort must be between 0 and 65535, not {options.HealthPort}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
