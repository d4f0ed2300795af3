using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordEmulator.State;
using Microsoft.AspNetCore.Http;

namespace DiscordEmulator.Rest;

/// <summary>
/// Every /api/v10 request: route match, auth, User-Agent, scripted faults, rate limits, handler, error shape,
/// request log. Handlers run under the state gate and never await.
/// </summary>
internal sealed class RestPipeline(EmulatorState state, FaultInjector faults, IReadOnlyList<RestRoute> routes, CancellationToken stopping)
{
    private const string Prefix = "/api/v10";
    private readonly RateLimiter _limiter = new(state.Options.RateLimits, state.Time);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var fullPath = request.Path.Value ?? "/";
        var path = fullPath.StartsWith(Prefix, StringComparison.Ordinal) ? fullPath[Prefix.Length..] : fullPath;
        var method = request.Method;
        lock (state.Gate)
        {
            state.RequestsTotal++;
        }

        var segments = path.Trim('/').Split('/');
        RestRoute? route = null;
        Dictionary<string, string>? values = null;
        var pathExists = false;
        foreach (var r in routes)
        {
            var m = r.Match(segments);
            if (m is null)
            {
                continue;
            }

            pathExists = true;
            if (r.Method == method)
            {
                route = r;
                values = m;
                break;
            }
        }

        JsonNode? body = null;
        JsonArray? files = null;
        RequestInterception? interception = null;
        RestResult result;
        var decisionHeaders = (RateDecision?)null;
        try
        {
            if (!fullPath.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new DiscordApiException(404, 0, "404: Not Found");
            }

            if (route is null || values is null)
            {
                throw pathExists ? new DiscordApiException(405, 0, "405: Method Not Allowed") : new DiscordApiException(404, 0, "404: Not Found");
            }

            (body, files) = await ReadBodyAsync(request).ConfigureAwait(false);
            if (route.RequiresAuth && request.Headers.Authorization.ToString() != "Bot " + state.Options.BotToken)
            {
                throw new DiscordApiException(401, 0, "401: Unauthorized");
            }

            var userAgent = request.Headers.UserAgent.ToString();
            if (!userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal))
            {
                state.Violation("user-agent", $"{method} {path} without a 'DiscordBot ($url, $version)' User-Agent");
                throw new DiscordApiException(400, 0, "Requests need a User-Agent of the form DiscordBot ($url, $versionNumber).");
            }

            var info = new RestRequestInfo(method, path, route.Template) { Body = body };
            interception = faults.TakeInterception(info);
            if (interception is { Stage: RequestStage.BeforeApply })
            {
                interception.Callback(info);
                if (!interception.Answer)
                {
                    context.Abort();
                    return;
                }
            }

            if (faults.Take(info) is { } fault)
            {
                // Disposing the emulator ends delayed and hung requests at once instead of waiting for Kestrel's drain.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                switch (fault.Kind)
                {
                    case RestFaultKind.Delay:
                        await Task.Delay(fault.Delay, state.Time, waiting.Token).ConfigureAwait(false);
                        break;
                    case RestFaultKind.Hang:
                        await Task.Delay(Timeout.Infinite, waiting.Token).ConfigureAwait(false);
                        break;
                    case RestFaultKind.Fail:
                        throw new DiscordApiException(fault.Status, 0, fault.Status == 502 ? "502: Bad Gateway" : $"{fault.Status}: Internal Server Error");
                    case RestFaultKind.RateLimit:
                        await WriteAsync(context, route, path, body, RateLimited(context, fault.Delay, fault.Global, fault.Global ? "global" : "shared")).ConfigureAwait(false);
                        return;
                }
            }

            lock (state.Gate)
            {
                var decision = _limiter.Check(route, RestRoute.Major(values));
                decisionHeaders = decision;
                if (!decision.Allowed)
                {
                    result = RateLimited(context, decision.RetryAfter, decision.Scope == "global", decision.Scope!);
                }
                else
                {
                    result = route.Handler(new RestCall(state, method, path, values, request.Query, body, files));
                }
            }
        }
        catch (DiscordApiException e)
        {
            result = new RestResult(e.Status, e.ToJson());
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping: drop the connection rather than answer.
            context.Abort();
            return;
        }

        if (interception is { Stage: RequestStage.AfterApply } after)
        {
            after.Callback(new RestRequestInfo(method, path, route!.Template) { Body = body });
            if (!after.Answer)
            {
                context.Abort();
                return;
            }
        }

        if (decisionHeaders is { } d)
        {
            var h = context.Response.Headers;
            h["X-RateLimit-Limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
            h["X-RateLimit-Remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
            h["X-RateLimit-Reset"] = RateLimiter.Epoch(d.ResetAt);
            h["X-RateLimit-Reset-After"] = RateLimiter.Seconds(d.ResetAfter);
            h["X-RateLimit-Bucket"] = d.Bucket;
        }

        await WriteAsync(context, route, path, body, result).ConfigureAwait(false);
    }

    private RestResult RateLimited(HttpContext context, TimeSpan retryAfter, bool global, string scope)
    {
        lock (state.Gate)
        {
            state.Count429++;
        }

        var h = context.Response.Headers;
        h["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Scope"] = scope;
        if (global)
        {
            h["X-RateLimit-Global"] = "true";
        }

        return new RestResult(429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["code"] = 0,
            ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3),
            ["global"] = global,
        });
    }

    private async Task WriteAsync(HttpContext context, RestRoute? route, string path, JsonNode? body, RestResult result)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        state.RecordRequest(new RecordedRequest(
            context.Request.Method,
            path,
            route?.Template ?? path,
            result.Status,
            state.Options.RecordRequests ? body?.DeepClone() : null,
            state.Options.RecordRequests ? result.Body?.DeepClone() : null,
            state.Time.GetUtcNow(),
            context.Request.Headers.UserAgent.ToString())
        {
            SharedScope = response.Headers["X-RateLimit-Scope"].ToString() == "shared",
        });
        if (result.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(result.Body.ToJsonString(), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(JsonNode? Body, JsonArray? Files)> ReadBodyAsync(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            JsonNode? payload = null;
            if (form.TryGetValue("payload_json", out var json))
            {
                payload = Parse(json.ToString());
            }

            var files = new JsonArray();
            foreach (var file in form.Files)
            {
                var index = file.Name.StartsWith("files[", StringComparison.Ordinal) ? file.Name[6..^1] : files.Count.ToString(CultureInfo.InvariantCulture);
                using var content = new MemoryStream();
                await file.CopyToAsync(content, request.HttpContext.RequestAborted).ConfigureAwait(false);
                JsonObject attachment;
                lock (state.Gate)
                {
                    attachment = state.StoreAttachment(file.FileName, file.ContentType ?? "application/octet-stream", content.ToArray());
                }

                attachment["upload_index"] = index;
                files.Add(attachment);
            }

            return (payload, files.Count > 0 ? files : null);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new DiscordApiException(400, 50035, "Invalid Form Body: Content-Type must be application/json, application/x-www-form-urlencoded or multipart/form-data");
        }

        return (Parse(text), null);
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw DiscordApiException.InvalidJson();
        }
    }
}
