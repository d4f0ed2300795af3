namespace InterviewBot.Discord.Entities;

/// <summary>An outgoing body that can ping people; lets the REST client apply the mention default in one place.</summary>
internal interface IMessageBody<TSelf>
    where TSelf : IMessageBody<TSelf>
{
    AllowedMentions? AllowedMentions { get; }

    TSelf WithAllowedMentions(AllowedMentions allowedMentions);
}
