using System.Collections.Concurrent;
using System.Reflection;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// An <see cref="IDiscordRestClient"/> that records every call and returns completed tasks (null results), for feeding
/// the dispatcher interactions Discord itself would never deliver (forged custom_ids, DMs) and reading the reply.
/// </summary>
public class RecordingRestClient : DispatchProxy
{
    public ConcurrentQueue<(string Method, object?[] Args)> Calls { get; } = new();

    public static (IDiscordRestClient Client, RecordingRestClient Recorder) Create()
    {
        var client = DispatchProxy.Create<IDiscordRestClient, RecordingRestClient>();
        return (client, (RecordingRestClient)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue((targetMethod.Name, args ?? []));
        var returns = targetMethod.ReturnType;
        if (returns == typeof(Task))
        {
            return Task.CompletedTask;
        }

        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [null]);
        }

        return null;
    }
}
