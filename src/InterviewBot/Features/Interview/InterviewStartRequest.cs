namespace InterviewBot.Features.Interview;

/// <summary>The options of <c>/interview start</c>, already validated.</summary>
public sealed record InterviewStartRequest(ulong GuildId, ulong ChannelId, ulong UserId, string MemberName, string Track, int QuestionCount, int MinutesPerQuestion, bool FeedbackAtEnd);
