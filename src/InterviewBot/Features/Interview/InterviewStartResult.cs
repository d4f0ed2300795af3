using InterviewBot.Storage;

namespace InterviewBot.Features.Interview;

/// <summary>What <c>/interview start</c> did: the new session, or the one already running, or why nothing started.</summary>
public sealed record InterviewStartResult(InterviewSession? Session, InterviewSession? AlreadyActive, string? Problem, bool PublicThread);
