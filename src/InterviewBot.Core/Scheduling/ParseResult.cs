namespace InterviewBot.Core.Scheduling;

/// <summary>The outcome of parsing user input: a value, or a message that says what is wrong and what is accepted.</summary>
public readonly record struct ParseResult<T>(bool Success, T? Value, string? Error);

/// <summary>Factory methods for <see cref="ParseResult{T}"/>.</summary>
public static class ParseResult
{
    public static ParseResult<T> Ok<T>(T value) => new(true, value, null);

    public static ParseResult<T> Fail<T>(string error) => new(false, default, error);
}
