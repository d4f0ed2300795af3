namespace InterviewBot.Core.Answers;

/// <summary>One message of a member's answer. Message ids are Discord snowflakes, so they sort by time.</summary>
public sealed record AnswerPart(ulong MessageId, string Content, bool Deleted = false);
