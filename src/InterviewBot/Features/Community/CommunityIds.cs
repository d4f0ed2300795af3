namespace InterviewBot.Features.Community;

/// <summary>custom_id actions of the <c>community</c> feature (<c>community:action[:args]</c>).</summary>
public static class CommunityIds
{
    public const string Feature = "community";

    /// <summary>Modal submits of the question form.</summary>
    public const string SuggestSubmit = "suggest";
    public const string AddSubmit = "add";
    public const string EditSubmit = "save";

    /// <summary>Staff buttons on a suggestion, and the modals they open.</summary>
    public const string Accept = "accept";
    public const string Edit = "edit";
    public const string Reject = "reject";
    public const string EditAccept = "editaccept";
    public const string RejectReason = "rejectreason";

    /// <summary>Paging of <c>/question list</c>.</summary>
    public const string Page = "page";

    public const string ReasonField = "reason";
}
